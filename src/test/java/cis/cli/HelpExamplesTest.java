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
        if (isUpdateExample(args)) {
            return; // needs published bundles and keys, in order: theUpdateAndKbExamplesRunInAUsersOrder
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

    private static boolean isUpdateExample(List<String> args) {
        return args.get(0).equals("update")
                || (args.get(0).equals("kb")
                        && args.size() > 1
                        && List.of("rollback", "pack", "keygen").contains(args.get(1)));
    }

    /**
     * The order a user follows the update and kb examples in: make keys, pack bundles, update from
     * the published one, check, install one signed by a key of their own, look, roll back, pin.
     */
    private static final List<String> UPDATE_ORDER = List.of(
            "cis kb keygen",
            "cis kb pack",
            "cis update",
            "cis update --check",
            "cis update --from",
            "cis kb list",
            "cis kb rollback",
            "cis kb use",
            "cis kb");

    /** The place of an example in {@link #UPDATE_ORDER}: that of the longest entry it starts with. */
    private static int rank(String example) {
        int best = -1;
        for (int i = 0; i < UPDATE_ORDER.size(); i++) {
            String step = UPDATE_ORDER.get(i);
            if ((example.equals(step) || example.startsWith(step + " "))
                    && (best < 0 || step.length() > UPDATE_ORDER.get(best).length())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new AssertionError("an example the update scenario does not place: " + example);
        }
        return best;
    }

    /**
     * The examples of 'cis update' and 'cis kb', each run and answering (exit 0), in a home of
     * their own: the published bundle is a copy of the bundled KB one version newer, signed by a
     * key the test trusts in place of the project's; "our" bundle one version newer again.
     */
    @org.junit.jupiter.api.Test
    void theUpdateAndKbExamplesRunInAUsersOrder() throws Exception {
        List<String> examples = examples()
                .filter(e ->
                        isUpdateExample(List.of(e.substring("cis ".length()).split(" +"))))
                .distinct()
                .sorted(java.util.Comparator.comparingInt(HelpExamplesTest::rank))
                .toList();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
        Path tmp = home.resolve("work");
        Path userHome = home.resolve("home");
        java.nio.file.Files.createDirectories(tmp);
        java.nio.file.Files.createDirectories(userHome);
        Path published = kbCopy(Path.of("data"), tmp.resolve("published-kb"), "2026.12.2");
        Path ours = kbCopy(Path.of("src/test/resources/kb/fixture"), tmp.resolve("our-kb"), "2026.12.3");
        Map<String, String> env = Map.of(
                "HOME", userHome.toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "CIS_KB_URL", tmp.resolve("cis-kb.tar.gz").toUri().toString());
        // the project's key stands in for the real one (kept off every machine but the maintainers'),
        // trusted as a user would trust a key of their own
        assertThat(run(
                                env,
                                "kb",
                                "keygen",
                                "--out",
                                userHome.resolve("keys/cis-project").toString())
                        .exitCode())
                .isZero();
        Path trusted = home.resolve("config/cis/trusted-keys");
        java.nio.file.Files.createDirectories(
                trusted,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        java.nio.file.Files.copy(userHome.resolve("keys/cis-project.pub"), trusted.resolve("cis-project.pub"));
        assertThat(run(env, "kb", "keygen", "--out", tmp.resolve("our").toString())
                        .exitCode())
                .isZero();
        assertThat(run(
                                env,
                                "kb",
                                "pack",
                                ours.toString(),
                                "--out",
                                tmp.resolve("our-kb.tar.gz").toString(),
                                "--sign-key",
                                tmp.resolve("our.pem").toString())
                        .exitCode())
                .isZero();
        for (String example : examples) {
            List<String> args = new ArrayList<>();
            for (String word : example.substring("cis ".length()).split(" +")) {
                args.add(
                        switch (word) {
                            case "data" -> published.toString();
                            case "~/my-kb" -> "src/test/resources/kb/fixture";
                            case "my",
                                    "my.pem",
                                    "my.pub",
                                    "my-kb.tar.gz",
                                    "cis-kb.tar.gz",
                                    "our-kb.tar.gz",
                                    "our.pub" -> tmp.resolve(word).toString();
                            default ->
                                word.startsWith("~/")
                                        ? userHome.resolve(word.substring(2)).toString()
                                        : word;
                        });
            }
            TestRun.Result r = run(env, args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s\n%s", example, r.err()).isZero();
            assertThat(r.out() + r.err()).as(example).isNotBlank();
        }
        // the update installed the published KB, "our" bundle replaced it, the rollback brought it back
        assertThat(run(env, "kb").out()).startsWith("2026.12.2\t");
    }

    private TestRun.Result run(Map<String, String> env, String... args) {
        TestRun t = TestRun.piped();
        for (Map.Entry<String, String> e : env.entrySet()) {
            t = t.env(e.getKey(), e.getValue());
        }
        return t.run(args);
    }

    /** A copy of a KB directory's YAML files with another version. */
    private static Path kbCopy(Path from, Path to, String version) throws java.io.IOException {
        java.nio.file.Files.createDirectories(to);
        try (Stream<Path> files = java.nio.file.Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Path meta = to.resolve("kb.yaml");
        String text = java.nio.file.Files.readString(meta);
        assertThat(text).containsPattern("(?m)^version: \"[0-9.]+\"$");
        java.nio.file.Files.writeString(
                meta, text.replaceFirst("(?m)^version: \"[0-9.]+\"$", "version: \"" + version + "\""));
        return to;
    }
}
