package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in every help page runs, on the bundled KB, and answers: help that lies is worse than none. */
class HelpExamplesTest {
    static Stream<String> examples() {
        List<String> found = new ArrayList<>();
        for (String command : CisCommand.subcommandNames()) {
            String help = TestRun.piped().run(command, "--help").out();
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
        TestRun.Result r = TestRun.piped().run(args.toArray(String[]::new));
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
