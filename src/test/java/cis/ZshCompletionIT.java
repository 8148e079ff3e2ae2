package cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zsh completes only in a real interactive shell, so this test types into one, in tmux: zsh reads
 * a ~/.zshrc set up as the install advice says (the script in fpath, or sourced after compinit).
 */
class ZshCompletionIT {
    @TempDir
    Path home;

    @BeforeEach
    void needsZshAndTmux() {
        assumeTrue(TmuxShell.available("zsh"), "zsh or tmux is not installed; skipping the zsh completion test");
    }

    @Test
    void completesInstalledInFpath() throws Exception {
        // cis completion zsh > ~/.zfunc/_cis, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc
        Path zfunc = Files.createDirectories(home.resolve(".zfunc"));
        Files.writeString(zfunc.resolve("_cis"), TmuxShell.cis("completion", "zsh"));
        Files.writeString(home.resolve(".zshrc"), "fpath=(~/.zfunc $fpath)\nautoload -U compinit && compinit -u\n");
        try (TmuxShell zsh = TmuxShell.start(home, "zsh -d")) { // -d: no /etc/zsh rc files, only ours
            assertThat(zsh.runs("whence -v _cis", line -> line.startsWith("_cis is an autoload shell function")))
                    .isTrue();
            completesAndDescribes(zsh);
        }
    }

    @Test
    void completesSourcedAfterCompinit() throws Exception {
        Files.writeString(
                home.resolve(".zshrc"), "autoload -U compinit && compinit -u\nsource <(cis completion zsh)\n");
        try (TmuxShell zsh = TmuxShell.start(home, "zsh -d")) {
            completesAndDescribes(zsh);
        }
    }

    private static void completesAndDescribes(TmuxShell zsh) throws Exception {
        assertThat(zsh.complete("cis status Turk")).endsWith("cis status Turkmenistan");
        assertThat(zsh.complete("cis sessions --body heads-of-g")).endsWith("cis sessions --body heads-of-government");
        assertThat(zsh.complete("cis offi")).endsWith("cis officials");
        assertThat(zsh.complete("cis officials Sergei\\ L")).endsWith("cis officials Sergei\\ Lebedev");
        assertThat(zsh.complete("cis officials Leb")).endsWith("cis officials Lebedev");
        assertThat(zsh.complete("cis states --format=j")).endsWith("cis states --format=json");
        assertThat(zsh.complete("cis sessions --city Ava")).endsWith("cis sessions --city Avaza\\ \\(Turkmenbashi\\)");
        // listings: options with what they do, values with what they mean, commands with their headers
        assertThat(zsh.lists("cis sessions --", described("--past", "Only sessions before the day.")))
                .isTrue();
        assertThat(zsh.lists("cis sessions --body ", described("heads-of-state", "Council of Heads of State (CHS)")))
                .isTrue();
        assertThat(zsh.lists("cis ", described("sessions", "When and where the CIS councils met or will meet.")))
                .isTrue();
        // a command's own commands, and then theirs: cis kb pack has --sign-key, and no --format
        assertThat(zsh.complete("cis kb ro")).endsWith("cis kb rollback");
        assertThat(zsh.complete("cis kb pack --sig")).endsWith("cis kb pack --sign-key=");
        assertThat(zsh.complete("cis kb use bun")).endsWith("cis kb use bundled");
        assertThat(zsh.lists("cis kb pack --", line -> line.contains("--format")))
                .isFalse();
    }

    /** A line of zsh's listing: the value, then "-- " and its description. */
    private static java.util.function.Predicate<String> described(String value, String description) {
        return line -> line.startsWith(value + " ") && line.endsWith("-- " + description);
    }
}
