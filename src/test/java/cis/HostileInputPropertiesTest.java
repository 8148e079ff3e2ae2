package cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random hostile text (terminal escapes, C1 controls, bidi overrides, lone surrogates, NULs, very
 * long runs) as arguments, as stdin lines and as KB text. Whatever it is: no raw escape or control
 * on stderr (or on piped stdout, or in JSON), an exit code from the documented set, no stack
 * trace, and each case ends (a hang guard of generous size, not a timing). Seeded: a failure names
 * its case and reruns the same way.
 */
class HostileInputPropertiesTest {
    static final long SEED = 20261203L;
    static final String[] PIECES = {
        "\u001b[2J",
        "\u001b]0;pwned\u0007",
        "\u001b]8;;http://evil.example\u001b\\",
        "\u009b31m",
        "\u0085",
        "\u202e",
        "\u2066",
        "\u200f",
        "\ud800",
        "\udc00",
        "\u0000",
        "\r",
        "\t",
        "\u007f",
        "Россия",
        "Russia",
        "Tajik",
        "moldova",
        "'",
        "\"",
        "\\",
        "%s",
        "$(id)",
        "=SUM(A1)",
        "-",
        "--",
        "#",
        " "
    };

    @TempDir
    Path dir;

    static String nasty(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(20) == 0) {
                b.append("x".repeat(random.nextInt(100_000)));
            }
        }
        return b.toString();
    }

    static void assertInert(String text, String what) {
        assertThat(text)
                .as(what)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u202e")
                .doesNotContain("\u2066")
                .doesNotContainPattern("[\\u0080-\\u009f]");
    }

    static TestRun.Result run(TestRun run, String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run.run(args), () -> String.join(" ", args));
    }

    static void check(TestRun.Result r, String what, boolean jsonOut) throws Exception {
        assertThat(r.exitCode()).as(what + "\n" + r.err()).isIn(0, 1, 2, 3, 4);
        assertInert(r.err(), what + " (stderr)");
        assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception");
        if (jsonOut && r.exitCode() <= 3 && !r.out().isEmpty()) {
            new ObjectMapper().readTree(r.out()); // parses
            assertInert(r.out(), what + " (json)");
        } else {
            assertInert(r.out(), what + " (stdout)");
        }
    }

    @Test
    void hostileArgumentsAndStdinLines() throws Exception {
        Random random = new Random(SEED);
        for (int round = 0; round < 150; round++) {
            String s = nasty(random);
            List<String[]> cases = List.of(
                    new String[] {"status", s},
                    new String[] {"status", "Russia", s, "--json"},
                    new String[] {"states", "--status", s},
                    new String[] {"officials", s},
                    new String[] {"sessions", "--city", s, "--json"},
                    new String[] {"status", "Russia", "--as-of", s},
                    new String[] {s},
                    new String[] {"status", s, "--is", s});
            String[] args = cases.get(random.nextInt(cases.size()));
            String what = "round " + round + ": " + String.join(" ", args).replaceAll("x{20,}", "x…");
            check(run(TestRun.piped(), args), what, List.of(args).contains("--json"));
        }
        for (int round = 0; round < 40; round++) {
            StringBuilder lines = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                lines.append(nasty(random)).append(random.nextBoolean() ? "\n" : "\r\n");
            }
            boolean json = random.nextBoolean();
            TestRun.Result r = run(
                    TestRun.piped().stdin(lines.toString()),
                    json ? new String[] {"status", "-", "--json"} : new String[] {"status", "-"});
            check(r, "stdin round " + round, json);
        }
    }

    @Test
    void hostileTextInsideAKnowledgeBase() throws Exception {
        Random random = new Random(SEED);
        String states = Files.readString(Path.of("src/test/resources/kb/mini/states.yaml"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/kb/mini"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        for (int round = 0; round < 60; round++) {
            String s = nasty(random);
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < s.length(); i++) { // as YAML escapes, so the parser hands the loader the raw text
                yaml.append(String.format("\\u%04x", (int) s.charAt(i)));
            }
            String edited = states.replaceFirst(
                    "name: ([^\\n]*)", "name: \"" + yaml.toString().replace("$", "\\\\$") + "\"");
            Files.writeString(dir.resolve("states.yaml"), edited, StandardCharsets.UTF_8);
            for (String[] args : new String[][] {
                {"states", "--data", dir.toString()},
                {"states", "--data", dir.toString(), "--json"},
                {"validate", dir.toString()},
                {"status", s.isBlank() ? "x" : s, "--data", dir.toString()}
            }) {
                check(
                        run(TestRun.piped(), args),
                        "kb round " + round + ": " + args[0],
                        List.of(args).contains("--json"));
            }
        }
    }
}
