package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long answer on a terminal goes through the pager; anything else is printed as it is. */
class PagerTest {
    @TempDir
    Path dir;

    private TestRun tallAnswerOn(int rows, String pager) {
        return TestRun.terminal().height(rows).env("CIS_PAGER", pager);
    }

    private String catInto(Path file) {
        return "cat > '" + file + "'";
    }

    @Test
    void anAnswerTallerThanTheTerminalGoesToThePager() throws Exception {
        Path paged = dir.resolve("paged.txt");
        TestRun.Result r = tallAnswerOn(10, catInto(paged)).run("states");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(paged))
                .startsWith("\u001b[1mSTATE")
                .contains("Turkmenistan")
                .endsWith("As of 2026-12-01\u001b[0m\n");
        // the same text a terminal without a pager gets
        assertThat(Files.readString(paged))
                .isEqualTo(TestRun.terminal().run("states").out());
    }

    @Test
    void anAnswerThatFitsIsPrintedWithoutAPager() {
        Path paged = dir.resolve("paged.txt");
        TestRun.Result r = tallAnswerOn(60, catInto(paged)).run("states");
        assertThat(r.out()).contains("Turkmenistan");
        assertThat(paged).doesNotExist();
    }

    @Test
    void noPagerWhenAskedNotToWhenPipedOrWhenTheHeightIsUnknown() {
        Path paged = dir.resolve("paged.txt");
        assertThat(tallAnswerOn(10, catInto(paged)).run("states", "--no-pager").out())
                .contains("Turkmenistan");
        assertThat(TestRun.piped()
                        .height(10)
                        .env("CIS_PAGER", catInto(paged))
                        .run("states")
                        .out())
                .contains("Turkmenistan");
        assertThat(tallAnswerOn(0, catInto(paged)).run("states").out()).contains("Turkmenistan");
        assertThat(tallAnswerOn(10, "").run("states").out()).contains("Turkmenistan");
        assertThat(paged).doesNotExist();
    }

    @Test
    void jqOutputIsPagedToo() throws Exception {
        Path paged = dir.resolve("paged.txt");
        TestRun.Result r = tallAnswerOn(5, catInto(paged)).run("states", "--jq", ".[].name");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(paged)).startsWith("Armenia\n").contains("Lithuania\n");
    }

    @Test
    void aPagerThatIsNotInstalledIsReportedAndTheAnswerStillShown() {
        TestRun.Result r = tallAnswerOn(5, "no-such-pager-for-cis").run("states");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Turkmenistan");
        assertThat(r.err())
                .contains("the pager 'no-such-pager-for-cis' was not found")
                .contains("--no-pager");
    }

    @Test
    void theShellNeverPages() {
        Path paged = dir.resolve("paged.txt");
        TestRun.Result r = tallAnswerOn(5, catInto(paged)).stdin("states\n").run("shell");
        assertThat(r.out()).contains("Turkmenistan");
        assertThat(paged).doesNotExist();
    }

    @Test
    void thePagerIsCisPagerThenPagerThenLess() {
        assertThat(Pager.command(Map.of("CIS_PAGER", "most", "PAGER", "more"))).contains("most");
        assertThat(Pager.command(Map.of("PAGER", "more"))).contains("more");
        assertThat(Pager.command(Map.of("CIS_PAGER", "", "PAGER", "more"))).isEmpty();
        assertThat(Pager.command(Map.of("PAGER", "cat"))).isEmpty();
        assertThat(Pager.command(Map.of("PATH", dir.toString()))).isEqualTo(Optional.empty());
    }
}
