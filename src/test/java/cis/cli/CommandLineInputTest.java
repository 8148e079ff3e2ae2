package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever is typed, the answer is a clear message and a documented exit code, never a stack trace. */
class CommandLineInputTest {
    @Test
    void aVeryLongNameIsCutInTheMessage() {
        TestRun.Result r = TestRun.piped().run("status", "x".repeat(100_000));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).hasSizeLessThan(300).contains("'xxxxxxxx").contains("...'");
    }

    @Test
    void controlCharactersInANameAreShownNotObeyed() {
        TestRun.Result r = TestRun.piped().run("status", "\u001b]0;pwned\u0007Russia\u001b[2J");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("␛]0;pwned␇Russia␛[2J");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2023-02-29", "tomorrow", "2024-1-1", "", "20240101", "-2024-01-01"})
    void badDatesAreUsageErrors(String date) {
        TestRun.Result r = TestRun.piped().run("states", "--as-of", date);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("cis: Invalid value for option '--as-of': '" + date
                        + "' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY, today or yesterday");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void emptyAndBlankNamesAreUsageErrors() {
        assertThat(TestRun.piped().run("status", "").exitCode()).isEqualTo(2);
        assertThat(TestRun.piped().run("status", "   ").exitCode()).isEqualTo(2);
        assertThat(TestRun.piped().run("officials", "").exitCode()).isEqualTo(2);
        assertThat(TestRun.piped().stdin("\n\n# nothing\n").run("status", "-").err())
                .isEqualTo("cis: no state names on stdin\nGive one name a line, or name states as arguments.\n");
    }

    @Test
    void noStackTraceUnlessVerbose() {
        TestRun.Result quiet = TestRun.piped().run("states", "--data", "/nonexistent");
        assertThat(quiet.err()).doesNotContain("\tat ").doesNotContain("Exception");
        TestRun.Result verbose = TestRun.piped().run("states", "--data", "/nonexistent", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(4);
        assertThat(verbose.err())
                .contains("cis.cli.CliException: knowledge base /nonexistent (from --data) does not exist");
    }

    @Test
    void conflictingOptionsAreUsageErrors() {
        assertThat(TestRun.piped().run("states", "--json", "--format", "yaml").exitCode())
                .isEqualTo(2);
        assertThat(TestRun.piped().run("sessions", "--next", "--past").exitCode())
                .isEqualTo(2);
        assertThat(TestRun.piped().run("sessions", "--limit", "0").exitCode()).isEqualTo(2);
        assertThat(TestRun.piped().run("sessions", "--year", "abc").exitCode()).isEqualTo(2);
        assertThat(TestRun.piped().run("states", "--color", "sometimes").err())
                .contains("'sometimes' is not a colour mode; use auto, always or never");
    }
}
