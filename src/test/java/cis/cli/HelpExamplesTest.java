package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in every help page runs, on the bundled KB, and answers: help that lies is worse than
 * none. cis runs with a home of its own (temporary XDG directories), so that no example touches the
 * real one.
 */
class HelpExamplesTest {
    @TempDir
    Path home;

    static Stream<String> examples() {
        List<String> found = new ArrayList<>();
        List<List<String>> pages = new ArrayList<>();
        for (String command : CisCommand.subcommandNames()) {
            pages.add(List.of(command));
        }
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CisCommand.fullCommandLine(new CliContext(
                        sink, sink, InputStream.nullInputStream(), Map.of(), Clock.systemUTC(), false, 80))
                .getSubcommands()
                .forEach((name, command) ->
                        command.getSubcommands().keySet().forEach(sub -> pages.add(List.of(name, sub))));
        for (List<String> page : pages) {
            List<String> args = new ArrayList<>(page);
            args.add("--help");
            String help = TestRun.piped().run(args.toArray(String[]::new)).out();
            for (String line : help.split("\n")) {
                if (line.startsWith("  cis ")) {
                    found.add(line.strip());
                }
            }
        }
        for (String line : TestRun.piped().run("--help").out().split("\n")) {
            if (line.startsWith("  cis ")) {
                found.add(line.strip());
            }
        }
        assertThat(found).hasSizeGreaterThan(20);
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theExampleRuns(String example) {
        // the shell's part (a redirection, a variable) is the shell's; cis gets the rest
        // and ~/my-kb, a KB of the user's own, is the test fixture here
        String line = example.replaceAll(" [<>] \\S+", "")
                .replace("\"$COUNTRY\"", "Kazakhstan")
                .replace("~/my-kb", "src/test/resources/kb/fixture");
        assertThat(line).doesNotContain("$", "|");
        List<String> args = List.of(line.substring("cis ".length()).split(" +"));
        if (args.get(0).equals("shell") || args.get(0).equals("completion")) {
            return; // interactive, or prints a script: run by ShellTest and CompletionScriptsTest
        }
        if (args.get(0).equals("update")
                || (args.get(0).equals("kb")
                        && args.size() > 1
                        && List.of("rollback", "pack", "keygen").contains(args.get(1)))) {
            return; // needs a network, a signed bundle or an installed update, or writes keys: run by UpdateTest
        }
        TestRun.Result r = TestRun.piped()
                .env("HOME", home.resolve("home").toString())
                .env("XDG_DATA_HOME", home.resolve("data").toString())
                .env("XDG_CONFIG_HOME", home.resolve("config").toString())
                .env("XDG_CACHE_HOME", home.resolve("cache").toString())
                .run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s\n%s", example, r.err()).isZero();
        if (args.get(0).equals("validate")) {
            assertThat(r.err()).as(example).contains("valid, no problems");
            return;
        }
        assertThat(r.err()).as(example).doesNotContain("cis: ");
        if (!args.contains("--is")) { // --is answers with its exit code alone
            assertThat(r.out()).as(example).isNotBlank();
        }
    }
}
