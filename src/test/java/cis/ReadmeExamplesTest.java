package cis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's console examples are what cis prints: every "$ cis …" line in a console block runs
 * on the bundled KB, on the day the README was written (the tests' day), and its output must match
 * to the byte, trailing tabs of empty fields included. "| cat" means piped; otherwise a terminal,
 * 80 columns, without colour. Lines with other shell syntax (redirections, $VARS) and the
 * interactive shell are skipped. {@code -Dreadme.update=true} writes what cis prints into the README.
 */
class ReadmeExamplesTest {
    record Example(String command, String expected) {
        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Example> examples() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<Example> found = new ArrayList<>();
        boolean console = false;
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (console && command != null) {
                    found.add(new Example(command, expected.toString()));
                }
                console = line.equals("```console");
                command = null;
                continue;
            }
            if (!console) {
                continue;
            }
            if (line.startsWith("$ ")) {
                if (command != null) {
                    found.add(new Example(command, expected.toString()));
                }
                command = line.substring(2);
                expected.setLength(0);
            } else if (command != null) {
                expected.append(line).append('\n');
            }
        }
        List<Example> runnable = found.stream()
                .filter(e -> e.command().startsWith("cis ")
                        && !e.command().matches(".*[<>$].*")
                        && !e.command().equals("cis shell"))
                .toList();
        assertThat(runnable).hasSizeGreaterThan(5);
        return runnable.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theReadmeShowsWhatCisPrints(Example e) {
        boolean piped = e.command().endsWith(" | cat");
        String command = piped ? e.command().substring(0, e.command().length() - " | cat".length()) : e.command();
        List<String> args = GoldenTest.GoldenCase.split(command.substring("cis ".length()));
        TestRun run = piped ? TestRun.piped() : TestRun.terminal().env("NO_COLOR", "1");
        TestRun.Result r = run.run(args.toArray(String[]::new));
        String actual = r.err() + r.out();
        if (Boolean.getBoolean("readme.update") && !actual.equals(e.expected())) {
            update(e, actual);
            return;
        }
        assertThat(actual).as(e.command()).isEqualTo(e.expected());
    }

    private static synchronized void update(Example e, String actual) {
        try {
            Path readme = Path.of("README.md");
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            String old = "$ " + e.command() + "\n" + e.expected();
            assertThat(text).contains(old);
            Files.writeString(readme, text.replace(old, "$ " + e.command() + "\n" + actual), StandardCharsets.UTF_8);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }
}
