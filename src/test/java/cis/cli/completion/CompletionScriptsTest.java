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
import java.util.Set;
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
    void bashCompletesCommandsStatesAndOptions() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(bash("cis st")).containsExactly("states", "status");
        assertThat(bash("cis ")).hasSize(10).contains("officials", "update", "kb", "completion", "help");
        assertThat(bash("cis kb ")).contains("list", "use", "rollback", "pack", "keygen");
        // after one of a command's own commands, that one's options and arguments
        assertThat(bash("cis kb use ")).containsExactly("bundled", "latest");
        assertThat(bash("cis kb pack --")).contains("--out", "--sign-key").doesNotContain("--format");
        assertThat(bash("cis kb --f")).containsExactly("--format", "--fields");
        assertThat(bash("cis help st")).containsExactly("states", "status");
        assertThat(bash("cis completion ")).containsExactly("bash", "zsh", "fish");
        assertThat(bash("cis status Turk")).containsExactly("Turkmenistan");
        assertThat(bash("cis status Georgia Ka")).containsExactly("Kazakhstan"); // any number of states
        assertThat(bash("cis status --as-of 2020 Ka")).containsExactly("Kazakhstan"); // 2020 is --as-of's
        assertThat(bash("cis sessions --up")).containsExactly("--upcoming");
        assertThat(bash("cis states ")).contains("--as-of", "--format", "-o", "--status"); // no argument: options
        assertThat(bash("cis officials --role ex")).containsExactly("executive-secretary");
        assertThat(bash("cis states --status member,fo"))
                .containsExactly("member,founding-state", "member,former-member");
        assertThat(bash("cis status --input ")).containsExactly("lines", "csv");
    }

    @Test
    void bashCompletesPeopleByNamesTheCliResolves() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(bash("cis officials Leb")).containsExactly("Lebedev");
        assertThat(bash("cis officials leb")).containsExactly("Lebedev"); // case ignored when nothing else fits
        assertThat(bash("cis officials Sergei\\ L")).containsExactly("Sergei\\ Lebedev");
        assertThat(bash("cis officials \"Sergei L")).containsExactly("Sergei Lebedev"); // inside quotes, as it is
        assertThat(bash("cis officials 'Sergei L")).containsExactly("Sergei Lebedev");
        assertThat(bash("cis officials Mihai\\ P")).containsExactly("Mihai\\ Popșoi");
        assertThat(bash("cis officials Ser"))
                .containsExactly("Serdar\\ Berdimuhamedov", "Sergei\\ Aleinik", "Sergei\\ Lebedev", "Sergey\\ Lavrov");
        assertThat(bash("cis officials Japa")).isEmpty(); // two Japarovs: only their full names resolve
        assertThat(bash("cis officials --role chair Leb")).containsExactly("Lebedev");
        assertThat(bash("cis officials Lebedev ")).contains("--history").doesNotContain("Lebedev"); // one NAME only
    }

    @Test
    void everyNameOfferedIsOneTheCliResolves() {
        Map<String, CommandTree.Values.Listed> lists = CompletionScripts.tree().lists();
        for (String name : lists.get("people").described().keySet()) {
            assertThat(TestRun.piped().run("officials", name, "--json").exitCode())
                    .as("cis officials '%s'", name)
                    .isZero();
        }
        for (String city : lists.get("cities").described().keySet()) {
            assertThat(TestRun.piped().run("sessions", "--city", city, "--json").exitCode())
                    .as("cis sessions --city '%s'", city)
                    .isZero();
        }
    }

    @Test
    void eachCommandOffersTheBodiesItHasRecordsOf() {
        Map<String, CommandTree.Values.Listed> lists = CompletionScripts.tree().lists();
        Set<String> sessionBodies = lists.get("session_bodies").described().keySet();
        Set<String> officialBodies = lists.get("official_bodies").described().keySet();
        Set<String> all = new java.util.TreeSet<>(sessionBodies);
        all.addAll(officialBodies);
        assertThat(all).contains("heads-of-state", "executive-committee", "economic-court");
        for (String body : all) {
            String sessions =
                    TestRun.piped().run("sessions", "--body", body, "--json").out();
            assertThat(!sessions.strip().equals("[]"))
                    .as("sessions of %s", body)
                    .isEqualTo(sessionBodies.contains(body));
            String officials = TestRun.piped()
                    .run("officials", "--body", body, "--history", "--json")
                    .out();
            assertThat(!officials.strip().equals("[]"))
                    .as("office holders of %s", body)
                    .isEqualTo(officialBodies.contains(body));
        }
    }

    @Test
    void bashCompletesTheValueAfterAnEqualsSignWhateverCompWordbreaksHolds() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        List<String> formats = List.of("table", "plain", "json", "yaml", "csv", "tsv", "markdown");
        assertThat(bash("cis states --format=")).containsExactlyElementsOf(formats); // no ics
        assertThat(bash("cis sessions --format=")).containsExactlyElementsOf(concat(formats, "ics"));
        assertThat(bash("cis states --format=j")).containsExactly("json");
        assertThat(bash("cis states -o j")).containsExactly("json");
        assertThat(bash("cis states --format j")).containsExactly("json");
        assertThat(bash("cis sessions --city=Ava")).containsExactly("Avaza\\ \\(Turkmenbashi\\)");
        // without '=' among the word breaks readline replaces the whole word, so the reply holds it all
        String spaces = " \t\n";
        assertThat(bash(spaces, "cis states --format=j")).containsExactly("--format=json");
        assertThat(bash(spaces, "cis sessions --city=St")).containsExactly("--city=St\\ Petersburg");
        assertThat(bash(spaces, "cis officials Sergei\\ L")).containsExactly("Sergei\\ Lebedev");
    }

    @Test
    void bashOffersOnlyTheBodiesWithRecordsForTheCommand() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(bash("cis sessions --body "))
                .containsExactly("heads-of-state", "heads-of-government", "foreign-ministers");
        assertThat(bash("cis sessions --body e")).isEmpty();
        assertThat(bash("cis officials --body "))
                .containsExactly(
                        "heads-of-state",
                        "heads-of-government",
                        "foreign-ministers",
                        "executive-committee",
                        "inter-parliamentary-assembly",
                        "economic-court",
                        "economic-council");
        assertThat(bash("cis officials --body=e"))
                .containsExactly("executive-committee", "economic-court", "economic-council");
    }

    @Test
    void bashCompletesCitiesWithSpacesAsOneWord() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(bash("cis sessions --city St")).containsExactly("St\\ Petersburg");
        assertThat(bash("cis sessions --city Igo")).containsExactly("Igora\\ \\(Leningrad\\ Region\\)");
        assertThat(bash("cis sessions --city Alma")).containsExactly("Almaty");
    }

    @Test
    void bashOffersNothingForADateAndPathsForAPath() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(bash("cis states --as-of ")).isEmpty();
        assertThat(bash("cis sessions --from=")).isEmpty();
        // no -o default: an empty answer is not replaced by file names
        assertThat(run(List.of("bash", "-c", "source completions/cis.bash; complete -p cis"), Map.of()))
                .containsExactly("complete -F _cis cis");
        assertThat(bash("cis states --data src/main/j")).containsExactly("src/main/java/");
        assertThat(bash("cis states --data=src/main/j")).containsExactly("src/main/java/");
        assertThat(bash("cis validate src/test/resources/kb/fi")).containsExactly("src/test/resources/kb/fixture/");
        assertThat(bash("cis validate pom")).containsExactly("pom.xml");
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
        assertThat(fish("cis officials Leb")).containsExactly("Lebedev");
        assertThat(fish("cis sessions --city Ava")).containsExactly("Avaza (Turkmenbashi)");
        assertThat(fish("cis sessions --body "))
                .containsExactly("foreign-ministers", "heads-of-government", "heads-of-state");
        assertThat(fish("cis officials --body ")).hasSize(7).contains("executive-committee");
        assertThat(fish("cis sessions --format=")).hasSize(8).contains("--format=ics");
        assertThat(fish("cis states --format=")).hasSize(7).doesNotContain("--format=ics");
        // a command's own commands, then that one's options and arguments
        assertThat(fish("cis kb ")).containsExactly("keygen", "list", "pack", "rollback", "use");
        assertThat(fish("cis kb use ")).containsExactly("bundled", "latest");
        assertThat(fish("cis kb pack --s")).containsExactly("--sign-key");
        assertThat(fish("cis kb --fo")).containsExactly("--format");
    }

    @Test
    void fishDescribesOptionsAndValues() throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed; skipping the fish completion test");
        assertThat(fishLines("cis sessions --fo"))
                .containsExactly("--format\ttable, plain, json, yaml, csv, tsv, markdown, ics.");
        assertThat(fishLines("cis sessions --body heads-of-s"))
                .containsExactly("heads-of-state\tCouncil of Heads of State (CHS)");
        assertThat(fishLines("cis officials Lebe")).containsExactly("Lebedev\tSergei Lebedev");
        assertThat(fishLines("cis sessions --state Arm")).containsExactly("Armenia"); // not the option's description
        assertThat(fishLines("cis off"))
                .containsExactly("officials\tWho holds the CIS offices: on a day, every term, or one person.");
    }

    /** The bash completion function's answer for a command line, completed at its end. */
    private static List<String> bash(String line) throws Exception {
        return bash(null, line);
    }

    /** The same with COMP_WORDBREAKS set to {@code wordBreaks} (null: bash's default). */
    private static List<String> bash(String wordBreaks, String line) throws Exception {
        String script = "source completions/cis.bash\n"
                + (wordBreaks == null ? "" : "COMP_WORDBREAKS=$BREAKS\n")
                + "COMP_LINE=$LINE COMP_POINT=${#LINE}\n"
                + "_cis\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Map<String, String> env = new java.util.HashMap<>(Map.of("LINE", line));
        if (wordBreaks != null) {
            env.put("BREAKS", wordBreaks);
        }
        return run(List.of("bash", "-c", script), env);
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    /** Fish's candidates for a command line, without their descriptions. */
    private static List<String> fish(String line) throws Exception {
        return fishLines(line).stream().map(l -> l.split("\t", -1)[0]).toList();
    }

    /** Fish's candidates, each with a tab and its description when it has one. */
    private static List<String> fishLines(String line) throws Exception {
        return run(
                List.of("fish", "--no-config", "-c", "source completions/cis.fish; complete -C \"$LINE\""),
                Map.of("LINE", line));
    }

    private static List<String> run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().putAll(env);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(err).as("stderr of %s", cmd).isEmpty();
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
