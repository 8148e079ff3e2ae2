package cis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import cis.cli.CliContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {
    @TempDir
    Path state;

    @Test
    @SuppressWarnings("StringConcatToTextBlock") // one command a line, as typed
    void scriptedShellRunsOneCommandALineWithoutPrompts() {
        TestRun.Result r = TestRun.piped()
                .stdin(
                        "# a comment\nstatus Russia\n\ncis states --status associate\nstatus Narnia\nstates --status founding\n")
                .run("shell");
        assertThat(r.out())
                .isEqualTo("Russia\tRU\tmember\t1991-12-12\t\n"
                        + "Turkmenistan\tTM\tassociate-member\t2005-08-26\t\n"
                        + "Ukraine\tUA\tfounding-state\t1991-12-10\tnot participating since 2018-05-19\n");
        assertThat(r.err())
                .isEqualTo(
                        "cis: line 5: no state matches 'Narnia'\nRun 'cis states' to list the states the KB knows.\n");
        assertThat(r.exitCode()).isEqualTo(3); // the first failing line's code: a script that failed is not ok
        assertThat(r.out()).doesNotContain("cis>");
    }

    /** Inside the shell commands are typed without "cis", and its messages say so. */
    @Test
    void theShellsHintsAndHelpLeaveOutCis() {
        TestRun.Result r = TestRun.piped()
                .stdin("stauts Russia\nhelp status\nstates --bogus\n")
                .run("shell");
        assertThat(r.err())
                .contains("cis: line 1: 'stauts' is not a cis command\nDid you mean: status or states?\n"
                        + "Try 'help' for more information.\n")
                .contains("cis: line 3: unknown option '--bogus'\nTry 'states --help' for more information.\n")
                .doesNotContain("cis status")
                .doesNotContain("cis states");
        // (its examples keep "cis status …": the shell takes a leading "cis" too, as people type it)
        assertThat(r.out()).startsWith("Usage: status [OPTIONS] STATE...\n");
    }

    @Test
    void scriptedShellCanStopAtTheFirstFailingLine() {
        TestRun.Result r = TestRun.piped()
                .stdin("status Russia\nstates --status nonsense\nstatus Belarus\n")
                .run("shell", "--stop-on-error");
        assertThat(r.out()).isEqualTo("Russia\tRU\tmember\t1991-12-12\t\n");
        assertThat(r.err()).startsWith("cis: line 2: --status: 'nonsense' is not a status");
        assertThat(r.exitCode()).isEqualTo(2);
        TestRun.Result fine =
                TestRun.piped().stdin("status Russia\nstatus Belarus\n").run("shell");
        assertThat(fine.exitCode()).isZero();
    }

    @Test
    void scriptedShellStopsAtExitAndRefusesNesting() {
        TestRun.Result r = TestRun.piped().stdin("shell\nexit\nstatus Russia\n").run("shell");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("cis: line 1: already in the shell\n");
    }

    @Test
    void tabCompletesAStateNameRunsCommandsAndKeepsHistory() throws Exception {
        // Typed as a person would: a partial name and TAB, Enter, a second command, a cancelled line, Ctrl-D.
        String keys = "status Turkm\t\r" + "states --status assoc\t\r" + "statu Ukr\u0003" + "\u0004";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter ignored = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(ignored),
                new PrintWriter(ignored),
                new ByteArrayInputStream(new byte[0]),
                Map.of("XDG_STATE_HOME", state.toString(), "NO_COLOR", "1"),
                Clock.fixed(TestRun.NOW, ZoneOffset.UTC),
                true,
                80,
                true);
        try (Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .type("xterm")
                .size(new org.jline.terminal.Size(100, 40))
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen)
                .encoding(StandardCharsets.UTF_8)
                .build()) {
            int code = new Shell(ctx, Optional.empty(), cis.store.KbStore.withoutCache()).interactive(terminal);
            assertThat(code).isZero();
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("cis> status Turkmenistan")
                .contains("Turkmenistan  associate member")
                .contains("As of          2026-12-01")
                .contains("states --status associate-member")
                .contains("TM   associate member  2005-08-26")
                .doesNotContain("Ukraine  founding state");
        assertThat(Files.readAllLines(state.resolve("cis/history")))
                .extracting(l -> l.substring(l.indexOf(':') + 1))
                .containsExactly("status Turkmenistan", "states --status associate-member");
    }

    /** Types {@code keys} into an interactive shell on a virtual terminal; returns the screen. */
    private String type(String keys) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter ignored = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(ignored),
                new PrintWriter(ignored),
                new ByteArrayInputStream(new byte[0]),
                Map.of("XDG_STATE_HOME", state.toString(), "NO_COLOR", "1"),
                Clock.fixed(TestRun.NOW, ZoneOffset.UTC),
                true,
                80,
                true);
        try (Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .type("xterm")
                .size(new org.jline.terminal.Size(100, 40))
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen)
                .encoding(StandardCharsets.UTF_8)
                .build()) {
            assertThat(new Shell(ctx, Optional.empty(), cis.store.KbStore.withoutCache()).interactive(terminal))
                    .isZero();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHistoryIsCreatedPrivate() throws Exception {
        type("status Russia\r\u0004");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(state.resolve("cis/history"))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(state.resolve("cis"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aHistoryPathThatIsADirectoryTurnsHistoryOffOnce() throws Exception {
        Files.createDirectories(state.resolve("cis/history"));
        String screen = type("status Russia\r" + "status Belarus\r\u0004");
        assertThat(screen)
                .containsOnlyOnce("cis: history is off for this session: ")
                .contains("Russia  member state")
                .contains("Belarus  member state")
                .doesNotContain("Exception")
                .doesNotContain("WARNING");
        assertThat(state.resolve("cis/history")).isDirectory();
    }

    @Test
    void aHistoryInAnotherFormatIsLeftAsItIs() throws Exception {
        Files.createDirectories(state.resolve("cis"));
        Path history = Files.writeString(state.resolve("cis/history"), "ls -l\ncd /tmp\n");
        String screen = type("status Russia\r\u0004");
        assertThat(screen).containsOnlyOnce("is not a history this shell wrote; it is left as it is");
        assertThat(Files.readString(history)).isEqualTo("ls -l\ncd /tmp\n");
    }

    @Test
    void aReadOnlyHistoryTurnsHistoryOffWithoutTraces() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "root".equals(System.getProperty("user.name")), "root writes read-only files");
        Files.createDirectories(state.resolve("cis"));
        Path history = Files.writeString(state.resolve("cis/history"), "1700000000000:status Russia\n");
        history.toFile().setWritable(false);
        String screen = type("status Belarus\r" + "status Russia\r\u0004");
        assertThat(screen).containsOnlyOnce("cannot be written").doesNotContain("Exception");
        assertThat(Files.readString(history)).isEqualTo("1700000000000:status Russia\n");
    }

    @Test
    void anUnusableStateDirectoryTurnsHistoryOffOnce() throws Exception {
        state = Path.of("/proc/self/cis-state");
        String screen = type("status Russia\r\u0004");
        assertThat(screen)
                .containsOnlyOnce("cis: history is off for this session: ")
                .contains("Russia  member state");
    }
}
