package cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cis in a real terminal, 80 columns wide, as a person sees it: the packaged launcher in tmux. A line
 * wider than the terminal would be wrapped by the terminal (tmux joins such lines back with -J, so a
 * joined line longer than 80 is one the terminal broke), and a long answer opens the pager.
 */
class TerminalIT {
    static final Path LAUNCHER =
            Path.of(System.getProperty("cis.launcher", "target/cis")).toAbsolutePath();
    private static final int COLUMNS = 80;
    private static final int ROWS = 40;
    private final String socket = "cis-terminal-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    /** A session per command (one killed while the next starts could take the server with it). */
    private int sessions;

    private String session = "t0";

    @TempDir
    Path home;

    @BeforeEach
    void needsTmux() {
        assumeTrue(onPath("tmux"), "tmux is not installed; skipping the terminal test");
    }

    @AfterEach
    void stopTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void noLineIsWiderThanAnEightyColumnTerminal() throws Exception {
        for (String command : List.of(
                "states", "officials", "sessions --limit 15", "status Moldova", "officials Lebedev", "--help")) {
            List<String> screen = run(command + " --no-pager".replace(" --help --no-pager", " --help"));
            assertThat(screen).as(command).isNotEmpty();
            for (String line : screen) {
                assertThat(line.length()).as("%s: %s", command, line).isLessThanOrEqualTo(COLUMNS);
            }
        }
    }

    @Test
    void aLongAnswerOpensThePagerAndQuittingItEndsCis() throws Exception {
        assumeTrue(onPath("less"), "less is not installed");
        start("cis sessions; echo \"exit $?\"");
        assertThat(waitFor(s -> s.stream().anyMatch(l -> l.startsWith("DATE"))))
                .as("the pager shows the first screen, not:%n%s", String.join("\n", screen(true)))
                .isTrue();
        List<String> first = screen(false);
        assertThat(first).noneMatch(l -> l.startsWith("exit")); // cis waits for the pager
        assertThat(first.size()).isLessThanOrEqualTo(ROWS);
        tmux("send-keys", "-t", session, "q");
        assertThat(waitFor(s -> s.stream().anyMatch(l -> l.equals("exit 0")))).isTrue();
    }

    @Test
    void aShortAnswerIsPrintedWithoutThePager() throws Exception {
        start("PAGER=false cis status Russia; echo \"exit $?\"");
        assertThat(waitFor(s -> s.stream().anyMatch(l -> l.equals("exit 0")))).isTrue();
        assertThat(String.join("\n", screen(false))).contains("Russia  member state");
    }

    /** Runs a command in a fresh 80-column terminal and returns every line it printed, joined as written. */
    private List<String> run(String command) throws Exception {
        start("cis " + command + "; echo __done__");
        assertThat(waitFor(s -> s.contains("__done__")))
                .as("%s never finished; the terminal shows:%n%s", command, String.join("\n", screen(true)))
                .isTrue();
        List<String> lines = new ArrayList<>();
        for (String l : screen(true)) {
            if (l.equals("__done__")) {
                break;
            }
            lines.add(l);
        }
        return lines;
    }

    private void start(String script) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path cis = bin.resolve("cis");
        if (!Files.exists(cis)) {
            Files.writeString(cis, "#!/bin/sh\nexec '" + LAUNCHER + "' \"$@\"\n");
            cis.toFile().setExecutable(true);
        }
        session = "t" + ++sessions;
        tmux(
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                String.valueOf(COLUMNS),
                "-y",
                String.valueOf(ROWS),
                "env -i HOME=" + home + " CIS_CDS=off TERM=xterm LANG=C.UTF-8 PATH=" + bin + ":/usr/bin:/bin sh -c '"
                        + script + "; sleep 60'");
        tmux("set-option", "-t", session, "history-limit", "10000");
    }

    private boolean waitFor(java.util.function.Predicate<List<String>> seen) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (seen.test(screen(true))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The pane, with its scrollback when {@code history}; wrapped lines joined back (-J). */
    private List<String> screen(boolean history) throws Exception {
        List<String> args = new ArrayList<>(List.of("capture-pane", "-t", session, "-p", "-J"));
        if (history) {
            args.addAll(List.of("-S", "-"));
        }
        List<String> lines = new ArrayList<>(tmux(args.toArray(String[]::new))
                .lines()
                .map(String::stripTrailing)
                .toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        return TmuxShell.tmuxOn(socket, args);
    }

    private static boolean onPath(String program) {
        return TmuxShell.onPath(program);
    }
}
