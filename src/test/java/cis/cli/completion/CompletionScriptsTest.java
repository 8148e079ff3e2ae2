package cis.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cis.TestRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed completion scripts are current, and they complete in the real shells. */
class CompletionScriptsTest {
    static final Path DIR = Path.of("completions");

    @Test
    void committedScriptsMatchWhatTheBuildWouldWrite() throws IOException {
        for (Map.Entry<String, String> e : CompletionScripts.generate().entrySet()) {
            assertThat(Files.readString(DIR.resolve(e.getKey()), StandardCharsets.UTF_8))
                    .as("completions/%s is stale: run mvn -q -Pcompletions process-classes", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void completionCommandPrintsTheBundledScripts() throws IOException {
        for (String shell : List.of("bash", "zsh", "fish")) {
            TestRun.Result r = TestRun.piped().run("completion", shell);
            assertThat(r.exitCode()).isZero();
            String file = Map.of(
                            "bash",
                            CompletionScripts.BASH,
                            "zsh",
                            CompletionScripts.ZSH,
                            "fish",
                            CompletionScripts.FISH)
                    .get(shell);
            assertThat(r.out()).isEqualTo(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8));
        }
        TestRun.Result bad = TestRun.piped().run("completion", "tcsh");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("no completion script for 'tcsh'");
    }

    @Test
    void bashCompletesStatesBodiesAndSubcommands() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(bash("cis status Turk")).containsExactly("Turkmenistan");
        assertThat(bash("cis status Ka")).containsExactly("Kazakhstan");
        assertThat(bash("cis sessions --body ")).contains("heads-of-state", "heads-of-government", "foreign-ministers");
        assertThat(bash("cis st")).containsExactly("states", "status");
        assertThat(bash("cis officials --role ex")).containsExactly("executive-secretary");
        assertThat(bash("cis officials sergei-l")).containsExactly("sergei-lebedev");
        assertThat(bash("cis states --format j")).containsExactly("json");
    }

    @Test
    void fishCompletesNamesWithSpacesWhole() throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed; skipping the fish completion test");
        assertThat(fish("cis status Tur")).containsExactly("Turkmenistan");
        assertThat(fish("cis sessions --body heads")).containsExactly("heads-of-government", "heads-of-state");
        assertThat(fish("cis officials Sergei\\ L")).containsExactly("Sergei Lebedev"); // as typed: Sergei\\ L
        assertThat(fish("cis officials Mihai\\ P")).containsExactly("Mihai Popșoi"); // non-ASCII letters
        assertThat(fish("cis officials Сер")).isEmpty(); // names complete in Latin script; aliases resolve on Enter
        assertThat(fish("cis sta")).containsExactly("states", "status");
    }

    /** Runs the bash completion function for a command line whose last word is being completed. */
    @SuppressWarnings("StringConcatToTextBlock") // a script reads best line by line, escapes and all
    private static List<String> bash(String line) throws Exception {
        String script = "source completions/cis.bash 2>/dev/null\n"
                + "read -ra COMP_WORDS <<< \"$LINE\"\n"
                + "[[ \"$LINE\" == *' ' ]] && COMP_WORDS+=('')\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=\"$LINE\"; COMP_POINT=${#LINE}\n"
                + "_complete_cis cis \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(List.of("bash", "-c", script), line);
    }

    private static List<String> fish(String line) throws Exception {
        return run(List.of("fish", "--no-config", "-c", "source completions/cis.fish; complete -C \"$LINE\""), line)
                .stream()
                .map(l -> l.split("\t", -1)[0])
                .toList();
    }

    private static List<String> run(List<String> cmd, String line) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("LINE", line);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines =
                new ArrayList<>(out.lines().filter(l -> !l.isEmpty()).toList());
        return lines;
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
