package cis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged launcher {@code target/cis} in a subprocess, as a user or a CI script would. */
class LauncherIT {
    static final Path LAUNCHER =
            Path.of(System.getProperty("cis.launcher", "target/cis")).toAbsolutePath();

    record Run(int code, String out, String err) {}

    static Run run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        return exec(new ProcessBuilder(cmd), workDir, stdin);
    }

    /** Runs a bash script with pipefail; the launcher is $CIS. */
    static Run shell(Path dir, String script) throws IOException, InterruptedException {
        return exec(new ProcessBuilder("bash", "-o", "pipefail", "-c", script), dir, "");
    }

    private static Run exec(ProcessBuilder pb, Path dir, String stdin) throws IOException, InterruptedException {
        pb.directory(dir.toFile());
        pb.environment().remove("CIS_DATA");
        pb.environment().remove("LC_ALL");
        pb.environment().put("LANG", "C"); // output must be UTF-8 whatever the locale
        pb.environment().put("CIS", LAUNCHER.toString());
        pb.environment().put("CIS_CDS", "off"); // ClassDataArchiveIT tests the archive; these test answers
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void answersFromAnyDirectoryWithTheBundledKnowledgeBase(@TempDir Path elsewhere) throws Exception {
        Run r = run(elsewhere, "", "status", "Turkmenistan");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Turkmenistan\tTM\tassociate-member\t2005-08-26\t");
    }

    @Test
    void scriptsCanCheckMembershipThroughTheExitCode(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "", "status", "Russia", "--is", "member").code()).isZero();
        assertThat(run(dir, "", "status", "Turkmenistan", "--is", "member").code())
                .isEqualTo(1);
        assertThat(run(dir, "Russia\nKazakhstan\n", "status", "-", "--is", "member")
                        .code())
                .isZero();
    }

    @Test
    void errorsGoToStderrWithTheDocumentedCodeAndNoStackTrace(@TempDir Path dir) throws Exception {
        Run r = run(dir, "", "status", "Turkmenstan");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("did you mean Turkmenistan?")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void russianNamesSurviveTheCLocale(@TempDir Path dir) throws Exception {
        Run r = run(dir, "", "status", "Россия", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"name\": \"Russia\"");
    }

    @Test
    void brokenUserKnowledgeBaseGivesExit4WithFileLineColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kb.yaml"), "version: x\nreviewed: 2026-02-30\n");
        Files.writeString(dir.resolve("states.yaml"), "states: []\n");
        Run r = run(dir, "", "states", "--data", dir.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains(dir.resolve("kb.yaml") + ":2:11: 'reviewed': '2026-02-30' is not a valid date");
    }

    @Test
    void aReaderThatStopsEarlyEndsCisQuietly(@TempDir Path dir) throws Exception {
        Run r = shell(dir, "\"$CIS\" sessions --sort date | head -1");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void aClosedStdoutIsReportedWithExit5(@TempDir Path dir) throws Exception {
        Run r = shell(dir, "\"$CIS\" states >&-");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("cis: cannot write the output: Bad file descriptor\n");
    }

    @Test
    void theLauncherFindsItsJarThroughASymlinkOnThePath(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("cis"), LAUNCHER);
        Run r = shell(dir, "PATH=\"$PWD:$PATH\" cis status TKM");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Turkmenistan\t");
    }

    @Test
    void anExportedCdpathChangesNothing(@TempDir Path dir) throws Exception {
        // cd consults CDPATH for a relative directory such as the "target" of "target/cis", and prints where it went
        Files.createDirectories(dir.resolve("target"));
        Path base = LAUNCHER.getParent().getParent();
        Run r = shell(
                dir,
                "cd '" + base + "' && export CDPATH='" + dir + "' && "
                        + LAUNCHER.getParent().getFileName() + "/cis status Russia --is member && echo member");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("member\n");
    }

    @Test
    void aUtf8LocaleThatIsNotInstalledStillKeepsRussianNames(@TempDir Path dir) throws Exception {
        Run r = shell(dir, "unset LC_ALL LC_CTYPE; LANG=xx_XX.UTF-8 \"$CIS\" status Россия");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Russia\t");
    }

    @Test
    void aReaderThatStopsEarlyEndsCisQuietlyInAnyLanguage(@TempDir Path dir) throws Exception {
        Run r = shell(dir, "LC_ALL=de_DE.UTF-8 LANGUAGE=de \"$CIS\" sessions --json | head -1");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aLauncherWithoutItsJarExits5NotAnAnswersCode(@TempDir Path dir) throws Exception {
        Files.copy(LAUNCHER, dir.resolve("cis"));
        Run r = shell(dir, "./cis status Russia --is member");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).startsWith("cis: cannot read ").contains("reinstall cis");
    }

    /** A heap far smaller than the input: the old reader kept every name and ran out of memory. */
    @Test
    void aMillionNamesOnStdinAreAnsweredInBoundedMemory(@TempDir Path dir) throws Exception {
        Run r = shell(
                dir,
                "yes Russia | head -n 1000000 | JAVA_TOOL_OPTIONS=-Xmx24m \"$CIS\" status - 2>&1 >/dev/null "
                        + "| grep -v '^Picked up'; yes Russia | head -n 1000000 | JAVA_TOOL_OPTIONS=-Xmx24m \"$CIS\" status - "
                        + "2>/dev/null | uniq -c");
        // each row starts with the input and the day it answers for (today, the launcher's clock)
        assertThat(r.out().strip()).matches("1000000 Russia\t\\d{4}-\\d{2}-\\d{2}\tRussia\tRU\tmember\t1991-12-12");
    }

    @Test
    void anEndlessLineOnStdinIsRefusedInBoundedMemory(@TempDir Path dir) throws Exception {
        Run r = shell(
                dir,
                "{ head -c 30000000 /dev/zero | tr '\\0' x; printf '\\nRussia\\n'; } "
                        + "| JAVA_TOOL_OPTIONS=-Xmx24m \"$CIS\" status - 2>&1; echo \"exit $?\"");
        assertThat(r.out())
                .contains("cis: line 1 of stdin is longer than 4096 characters")
                .contains("Russia\tRU\tmember")
                .endsWith("exit 3\n")
                .doesNotContain("OutOfMemory");
    }

    /** UTC+14 and UTC-11 are always on different days: "today" is the date in the zone cis runs in. */
    @Test
    void todayIsTheLocalDateOfTz(@TempDir Path dir) throws Exception {
        Run r = shell(
                dir,
                "for z in Pacific/Kiritimati Pacific/Pago_Pago; do "
                        + "TZ=$z date +%F; TZ=$z \"$CIS\" states --json | grep -m1 asOf; done");
        List<String> lines = r.out().lines().map(String::strip).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo("\"asOf\": \"" + lines.get(0) + "\",");
        assertThat(lines.get(3)).isEqualTo("\"asOf\": \"" + lines.get(2) + "\",");
        assertThat(lines.get(0)).isNotEqualTo(lines.get(2));
    }

    @Test
    void aMaintainerPublishesAndAUserUpdatesRollsBackAndPins(@TempDir Path dir) throws Exception {
        // everything in a home of its own: keys, a bundle of a KB with a new version, the installed KBs
        String script = """
                set -e
                export HOME=$PWD/home XDG_DATA_HOME=$PWD/data XDG_CONFIG_HOME=$PWD/config XDG_CACHE_HOME=$PWD/cache
                mkdir kb
                cp '%s'/*.yaml kb/
                sed -i 's/^version: .*/version: "9999.1.1"/' kb/kb.yaml
                "$CIS" kb keygen --out key >/dev/null
                "$CIS" kb pack kb --out kb.tar.gz --sign-key key.pem >/dev/null
                "$CIS" update --from kb.tar.gz --trust key.pub >/dev/null
                "$CIS" --version | sed -n 2p
                "$CIS" kb --fields version,from,pinned
                "$CIS" kb rollback >/dev/null
                "$CIS" kb --fields from,pinned
                "$CIS" update --check --from kb.tar.gz --trust key.pub >/dev/null || echo newer $?
                "$CIS" kb use latest >/dev/null
                "$CIS" kb --fields version,from,pinned
                """.formatted(Path.of("data").toAbsolutePath());
        Run r = shell(dir, script);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out().lines())
                .containsExactly(
                        "knowledge base 9999.1.1",
                        "9999.1.1\tinstalled\tno",
                        "bundled\tyes",
                        "newer 1",
                        "9999.1.1\tinstalled\tno");
    }

    @Test
    void versionNamesTheKnowledgeBase(@TempDir Path dir) throws Exception {
        Run r = run(dir, "", "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "cis \\d+\\.\\d+\\.\\d+\\nknowledge base \\S+\\nfacts last reviewed \\d{4}-\\d{2}-\\d{2}\\n");
    }

    /** The jar starts at cis.Launch, compiled for Java 8 (src/main/launch), which refuses a Java older than 17 (LaunchTest). */
    @Test
    void theJarStartsThere() throws Exception {
        try (java.util.jar.JarFile jar =
                new java.util.jar.JarFile(LAUNCHER.resolveSibling("cis.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("cis.Launch");
            assertThat(jar.getInputStream(jar.getEntry("cis/Launch.class")).readNBytes(8)[7])
                    .as("class file major version 52: Java 8")
                    .isEqualTo((byte) 52);
        }
    }
}
