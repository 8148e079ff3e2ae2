package cis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The output contract: each {@code src/test/resources/golden/*.case} file holds a command line
 * (and whether stdout is a terminal, the environment, stdin) and the exact stdout, stderr and
 * exit code expected on 2026-12-01 with the frozen fixture KB ({@link #FIXTURE}; see its README):
 * golden files pin rendering, and a fact fixed in the bundled KB never changes them. A case that
 * sets {@code env: CIS_DATA=} runs on the bundled KB instead, as a smoke test.
 *
 * <p>To accept new output on purpose: {@code mvn test -Dtest=GoldenTest -Dgolden.update=true},
 * then review the diff.
 */
class GoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final String FIXTURE = "src/test/resources/kb/fixture";

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(DIR)) {
            cases = files.filter(p -> p.toString().endsWith(".case")).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path file) throws IOException {
        GoldenCase c = GoldenCase.parse(Files.readString(file, StandardCharsets.UTF_8));
        TestRun run = c.terminal() ? TestRun.terminal() : TestRun.piped();
        run.width(c.width());
        run.env("CIS_DATA", FIXTURE);
        c.env().forEach(run::env);
        run.stdin(c.stdin());
        TestRun.Result r = run.run(c.args().toArray(String[]::new));
        GoldenCase actual = c.withResult(r.exitCode(), r.out(), r.err());
        if (UPDATE) {
            Files.writeString(file, actual.format(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual.format())
                .as("golden file %s (rerun with -Dgolden.update=true to accept)", file)
                .isEqualTo(c.format());
    }

    /** One golden case file: header lines, then "--- out" and "--- err" sections. */
    record GoldenCase(
            List<String> args,
            boolean terminal,
            int width,
            java.util.Map<String, String> env,
            String stdin,
            int exit,
            String out,
            String err) {

        static GoldenCase parse(String text) {
            List<String> args = List.of();
            boolean terminal = false;
            int width = 80;
            java.util.Map<String, String> env = new java.util.TreeMap<>();
            String stdin = "";
            int exit = 0;
            int outAt = text.indexOf("--- out\n");
            int errAt = text.indexOf("--- err\n");
            if (outAt < 0 || errAt < outAt) {
                throw new IllegalArgumentException("a case needs '--- out' then '--- err' sections");
            }
            for (String line : text.substring(0, outAt).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "args" -> args = split(value);
                    case "terminal" -> terminal = Boolean.parseBoolean(value);
                    case "width" -> width = Integer.parseInt(value);
                    case "env" ->
                        env.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                    case "stdin" -> stdin = value.replace("\\n", "\n").replace("\\t", "\t");
                    case "exit" -> exit = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown key " + key);
                }
            }
            String out = text.substring(outAt + 8, errAt);
            String err = text.substring(errAt + 8);
            return new GoldenCase(args, terminal, width, env, stdin, exit, out, err);
        }

        GoldenCase withResult(int exit, String out, String err) {
            return new GoldenCase(args, terminal, width, env, stdin, exit, out, err);
        }

        String format() {
            StringBuilder b = new StringBuilder();
            b.append("args: ")
                    .append(String.join(
                            " ", args.stream().map(GoldenCase::quote).toList()))
                    .append('\n');
            if (terminal) {
                b.append("terminal: true\n");
            }
            if (width != 80) {
                b.append("width: ").append(width).append('\n');
            }
            env.forEach(
                    (k, v) -> b.append("env: ").append(k).append('=').append(v).append('\n'));
            if (!stdin.isEmpty()) {
                b.append("stdin: ")
                        .append(stdin.replace("\n", "\\n").replace("\t", "\\t"))
                        .append('\n');
            }
            b.append("exit: ").append(exit).append('\n');
            b.append("--- out\n").append(out).append("--- err\n").append(err);
            return b.toString();
        }

        /** Splits like a shell would for simple cases: spaces separate, double quotes group. */
        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (ch == ' ' && !quoted) {
                    if (any) {
                        out.add(cur.toString());
                        cur.setLength(0);
                        any = false;
                    }
                } else {
                    cur.append(ch);
                    any = true;
                }
            }
            if (any) {
                out.add(cur.toString());
            }
            return out;
        }

        static String quote(String arg) {
            return arg.isEmpty() || arg.contains(" ") ? "\"" + arg + "\"" : arg;
        }
    }
}
