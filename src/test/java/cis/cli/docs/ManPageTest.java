package cis.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed man page is the one the commands make, and troff reads it without a complaint. */
class ManPageTest {
    static final Path PAGE = Path.of("src/main/man/cis.1");

    @Test
    void committedManPageMatchesTheCommands() throws Exception {
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("src/main/man/cis.1 is stale: run mvn -q -Pcompletions process-classes")
                .isEqualTo(ManPage.generate());
    }

    @Test
    void everyCommandAndSharedOptionIsOnThePage() {
        String page = ManPage.generate();
        for (String command : new String[] {"states", "status", "officials", "sessions", "validate", "shell"}) {
            assertThat(page).contains(".SS \"cis " + command);
        }
        assertThat(page)
                .contains("\\fB\\-o\\fR, \\fB\\-\\-format\\fR=\\fIFORMAT\\fR")
                .contains("\\fB\\-\\-no\\-pager\\fR")
                .contains("cis status Turkmenistan")
                .contains(".SH EXIT STATUS")
                .doesNotContain("\u2026"); // troff reads bytes: non-ASCII goes as \[u2026]
    }

    @Test
    void troffReadsItWithoutWarnings() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", PAGE.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void escapingKeepsTroffRequestsOut() {
        assertThat(ManPage.escape(".start\\n-x …")).isEqualTo("\\&.start\\en\\-x \\[u2026]");
    }
}
