package cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zsh completes through bashcompinit only in a real interactive shell, so this test types into
 * one, in tmux, as a person would: the script from {@code cis completion zsh}, then TAB.
 */
class ZshCompletionIT {
    static final Path LAUNCHER =
            Path.of(System.getProperty("cis.launcher", "target/cis")).toAbsolutePath();
    private final String socket = "cis-zsh-test-" + ProcessHandle.current().pid();

    @TempDir
    Path home;

    @AfterEach
    void stopTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void zshCompletesStatesBodiesAndCommands() throws Exception {
        assumeTrue(onPath("zsh") && onPath("tmux"), "zsh or tmux is not installed; skipping the zsh completion test");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path cis = Files.writeString(bin.resolve("cis"), "#!/bin/sh\nexec '" + LAUNCHER + "' \"$@\"\n");
        cis.toFile().setExecutable(true);
        tmux(
                "new-session",
                "-d",
                "-s",
                "z",
                "-x",
                "150",
                "-y",
                "20",
                "env -i HOME=" + home + " TERM=xterm PATH=" + bin + ":/usr/bin:/bin zsh -f");
        type(
                "autoload -U +X compinit && compinit -u; autoload -U +X bashcompinit && bashcompinit; "
                        + "source <(cis completion zsh); echo ready",
                "Enter");
        assertThat(waitFor("ready")).isTrue();
        assertThat(complete("cis status Turk")).endsWith("cis status Turkmenistan");
        assertThat(complete("cis sessions --body heads-of-g")).endsWith("cis sessions --body heads-of-government");
        assertThat(complete("cis offi")).endsWith("cis officials");
    }

    private String complete(String typed) throws Exception {
        type(typed, "Tab");
        String expectedStart = typed;
        long deadline = System.currentTimeMillis() + 10_000;
        String line = "";
        while (System.currentTimeMillis() < deadline) {
            List<String> lines = screen();
            line = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
            if (line.contains(expectedStart) && !line.endsWith(typed)) {
                break;
            }
            Thread.sleep(200);
        }
        type("", "C-u");
        return line;
    }

    private boolean waitFor(String text) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (screen().stream().anyMatch(l -> l.strip().equals(text))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void type(String text, String key) throws Exception {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", "z", "-l", text);
        }
        tmux("send-keys", "-t", "z", key);
    }

    private List<String> screen() throws Exception {
        return tmux("capture-pane", "-t", "z", "-p")
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
