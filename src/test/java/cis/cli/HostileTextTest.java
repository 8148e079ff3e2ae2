package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from a KB file, a path or an argument never reaches a terminal as an escape sequence: on
 * stderr and in table and plain output it is made visible, in JSON and YAML it is escaped.
 */
class HostileTextTest {
    static final String ESC = "\u001b";
    static final String OSC_TITLE = ESC + "]0;pwned" + "\u0007";
    static final String CSI_CLEAR = ESC + "[2J";
    static final String C1_CSI = "\u009b2J";
    static final String RLO = "\u202e";

    @TempDir
    Path dir;

    /** No byte a terminal would act on: no ESC, no BEL, no C1 control, no bidi override. */
    static void assertInert(String text) {
        assertThat(text)
                .doesNotContain(ESC)
                .doesNotContain("\u0007")
                .doesNotContain(RLO)
                .doesNotContainPattern("[\\u0080-\\u009f]");
    }

    /** The same sequences as YAML escapes, which is how they get into a KB (YAML refuses them raw). */
    static final String Y_OSC_TITLE = "\\e]0;pwned\\a";

    static final String Y_CSI_CLEAR = "\\e[2J";
    static final String Y_C1_CSI = "\\x9b2J";

    private Path kb(String statesYaml) throws Exception {
        Files.writeString(
                dir.resolve("kb.yaml"),
                "version: \"v" + Y_OSC_TITLE + "\"\nreviewed: 2026-11-30\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("states.yaml"), statesYaml, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void problemsInAHostileKbAreShownInert() throws Exception {
        kb("states:\n  - id: x\n    \"bad" + Y_OSC_TITLE + "key\": \"" + Y_CSI_CLEAR + "\"\n    name: \"" + Y_C1_CSI
                + "\"\n");
        TestRun.Result r = TestRun.piped().run("status", "x", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("unknown key").contains("\u241b]0;pwned\u2407");
        assertInert(r.err());
    }

    @Test
    void aHostilePathIsShownInert() throws Exception {
        Path evil = dir.resolve("kb" + CSI_CLEAR + C1_CSI);
        TestRun.Result r = TestRun.piped().run("states", "--data", evil.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("does not exist");
        assertInert(r.err());
        TestRun.Result env = TestRun.piped().env("CIS_DATA", evil.toString()).run("--version");
        assertInert(env.out());
        assertInert(env.err());
    }

    @Test
    void hostileOptionValuesAreShownInert() {
        for (String[] args : new String[][] {
            {"status", "Russia", "--is", "member" + OSC_TITLE},
            {"states", "--status", CSI_CLEAR + RLO},
            {"status", "Rus" + C1_CSI + "sia"},
            {"sessions", "--city", OSC_TITLE},
            {"st" + ESC + "atus"},
            {"status", "--as-of", "2020" + RLO}
        }) {
            TestRun.Result r = TestRun.terminal().run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isIn(2, 3);
            assertInert(r.err());
            assertInert(r.out());
        }
    }

    @Test
    void theVersionOfAHostileKbIsShownInert() throws Exception {
        kb("states: []\n");
        TestRun.Result r = TestRun.piped().env("CIS_DATA", dir.toString()).run("--version");
        assertThat(r.out()).contains("knowledge base unreadable"); // the loader refuses control characters
        assertInert(r.out());
    }

    @Test
    void jsonAndYamlEscapeWhatTheTableReplaces() {
        TestRun.Result json = TestRun.piped().run("status", "XF", "--data", "src/test/resources/kb/hostile", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("right-to-left override \\u202E here");
        assertInert(json.out());
        TestRun.Result yaml =
                TestRun.piped().run("status", "XF", "--data", "src/test/resources/kb/hostile", "--format", "yaml");
        assertThat(yaml.out()).contains("right-to-left override \\u202E here");
        assertInert(yaml.out());
        TestRun.Result plain = TestRun.piped().run("status", "XF", "--data", "src/test/resources/kb/hostile");
        assertInert(plain.out());
    }

    @Test
    void theYamlWeWriteReadsBackToTheSameText() throws Exception {
        String nasty = "a\"b\\c\nd\te" + RLO + "\u0085\u2028" + ESC + "Россия";
        java.io.StringWriter s = new java.io.StringWriter();
        cis.render.TreeWriter.write(
                java.util.List.of(java.util.Map.of("text", nasty)), cis.render.Format.YAML, new java.io.PrintWriter(s));
        var back = new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(s.toString());
        assertThat(back.get(0).get("text").asText()).isEqualTo(nasty);
        assertInert(s.toString());
    }
}
