package cis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An interactive shell in tmux that a test types into as a person would, and whose screen it
 * reads: the only way to see what a shell's completion really does to a command line.
 */
final class TmuxShell implements AutoCloseable {
    static final Path LAUNCHER =
            Path.of(System.getProperty("cis.launcher", "target/cis")).toAbsolutePath();

    private final String socket =
            "cis-completion-test-" + ProcessHandle.current().pid();

    /**
     * Starts {@code shell} (a command line) with a clean environment, HOME at {@code home} and cis on
     * the PATH, and waits until it runs commands.
     */
    static TmuxShell start(Path home, String shell) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path cis = Files.writeString(bin.resolve("cis"), "#!/bin/sh\nexec '" + LAUNCHER + "' \"$@\"\n");
        assertThat(cis.toFile().setExecutable(true)).isTrue();
        TmuxShell t = new TmuxShell();
        t.tmux(
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "150",
                "-y",
                "40",
                "env -i HOME=" + home + " CIS_CDS=off HISTFILE=/dev/null TERM=xterm LANG=C.UTF-8 PATH=" + bin
                        + ":/usr/bin:/bin " + shell);
        t.type("echo ready", "Enter");
        assertThat(t.waitFor(line -> line.equals("ready"))).isTrue();
        t.clear();
        return t;
    }

    static boolean available(String shell) {
        return onPath(shell) && onPath("tmux");
    }

    /** Types {@code typed} and TAB; returns the command line once completion changed it. */
    String complete(String typed) throws Exception {
        type(typed, "Tab");
        long deadline = System.currentTimeMillis() + 10_000;
        String line = "";
        while (System.currentTimeMillis() < deadline) {
            List<String> lines = screen();
            line = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
            if (line.contains(typed) && !line.endsWith(typed)) {
                break;
            }
            Thread.sleep(200);
        }
        clear();
        return line;
    }

    /** Types {@code typed} and TAB twice; whether a line of the listing then matches. */
    boolean lists(String typed, Predicate<String> wanted) throws Exception {
        type(typed, "Tab");
        type("", "Tab");
        boolean listed = waitFor(wanted);
        clear();
        return listed;
    }

    /** Runs a command line; whether a line of what it printed then matches. */
    boolean runs(String command, Predicate<String> wanted) throws Exception {
        type(command, "Enter");
        boolean printed = waitFor(wanted);
        clear();
        return printed;
    }

    boolean waitFor(Predicate<String> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (screen().stream().map(String::strip).anyMatch(wanted)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Drops the line and clears the screen, so that the next check reads only what it caused. */
    private void clear() throws Exception {
        type("", "C-u");
        type("", "C-l");
        Thread.sleep(200);
    }

    private void type(String text, String key) throws Exception {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", "t", "-l", text);
        }
        tmux("send-keys", "-t", "t", key);
    }

    private List<String> screen() throws Exception {
        return tmux("capture-pane", "-t", "t", "-p")
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** Runs cis itself (the launcher the build made) and returns what it printed. */
    static String cis(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
            // the shell may still be exiting (writing files into the home JUnit is about to delete)
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline
                    && tmux("list-sessions").contains(" windows")) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        return tmuxOn(socket, args);
    }

    /** Runs tmux on the server of {@code socket} (a test's own); its output. */
    static String tmuxOn(String socket, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
