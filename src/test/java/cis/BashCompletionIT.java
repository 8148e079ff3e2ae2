package cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What readline does with the bash script's answers, typed into a real interactive bash in tmux:
 * only there do the kept prefix (--format=), the escapes and the closing quote show.
 */
class BashCompletionIT {
    @TempDir
    Path home;

    @Test
    void completesInARealBash() throws Exception {
        assumeTrue(TmuxShell.available("bash"), "bash or tmux is not installed; skipping the bash completion test");
        Files.createDirectories(home.resolve("my-kb"));
        Files.writeString(home.resolve(".bashrc"), "source <(cis completion bash)\nPS1='$ '\n");
        try (TmuxShell bash = TmuxShell.start(home, "bash --noprofile --rcfile " + home.resolve(".bashrc"))) {
            assertThat(bash.complete("cis status Turk")).endsWith("cis status Turkmenistan");
            assertThat(bash.complete("cis states --format=j")).endsWith("cis states --format=json");
            assertThat(bash.complete("cis officials Leb")).endsWith("cis officials Lebedev");
            assertThat(bash.complete("cis officials Sergei\\ L")).endsWith("cis officials Sergei\\ Lebedev");
            assertThat(bash.complete("cis officials \"Sergei L")).endsWith("cis officials \"Sergei Lebedev\"");
            assertThat(bash.complete("cis sessions --city Ava"))
                    .endsWith("cis sessions --city Avaza\\ \\(Turkmenbashi\\)");
            assertThat(bash.complete("cis validate --data=" + home + "/my-"))
                    .endsWith("cis validate --data=" + home + "/my-kb/");
            assertThat(bash.lists("cis sessions --format=", line -> line.matches("csv +ics +json +markdown .*")))
                    .isTrue();
            // with '=' no longer a word break, readline replaces the whole word, and the answer holds it all
            assertThat(bash.runs("COMP_WORDBREAKS=${COMP_WORDBREAKS//=}; echo done", line -> line.equals("done")))
                    .isTrue();
            assertThat(bash.complete("cis states --format=j")).endsWith("cis states --format=json");
            assertThat(bash.complete("cis sessions --city=St")).endsWith("cis sessions --city=St\\ Petersburg");
        }
    }
}
