package cis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cis.TestRun;
import cis.model.KbException;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed KBs as the store sees them: the pointer, which KB answers and why, the pre-parsed
 * form checked like a cache entry (a damaged one, or one of another build, is replaced by what the
 * YAML says), and the trust checks (an installed KB another user could have written is never used).
 */
@SuppressWarnings("try") // locks are held through their blocks, not used in them
class InstalledTest {
    static final BuildId BUILD = KbStoreTest.BUILD;
    static final BuildId OTHER_BUILD = new BuildId("3".repeat(64), "2".repeat(64));

    @TempDir
    Path tmp;

    final List<String> notes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Installed area() {
        return new Installed(tmp.resolve("data/cis"));
    }

    KbStore store(BuildId build) {
        return new KbStore(Optional.empty(), Optional.of(build), Optional.of(area()), () -> {});
    }

    /** Installs the bundled KB's files as {@code version}, with Armenia's membership from {@code since}. */
    Path install(String version, String since, boolean pin) throws Exception {
        KbStore store = store(BUILD);
        Installed area = area();
        try (Installed.Lock lock = area.lock()) {
            Path staged = area.stage();
            KbStoreTest.copyData(staged);
            KbStoreTest.edit(staged.resolve("kb.yaml"), "version: \"2026.12.1\"", "version: \"" + version + "\"");
            KbStoreTest.edit(staged.resolve("states.yaml"), "1992-02-18", since);
            Files.writeString(staged.resolve(Installed.MANIFEST), "manifest of " + version + "\n");
            KnowledgeBase kb = store.parse(staged);
            Path where = store.install(staged, kb, "from test\ninstalled 2026-12-01T12:00:00Z\n");
            area.activate(version, pin);
            return where;
        }
    }

    String armeniaSince(KbStore store) throws KbException {
        KnowledgeBase kb = store.load(Optional.empty(), EnumSet.of(KbPart.STATES), notes::add, warnings::add);
        return KbStoreTest.memberSince(kb).toString();
    }

    @Test
    void versionsCompareByTheirNumbers() {
        assertThat(KbVersions.compare("2026.12.10", "2026.12.9")).isPositive();
        assertThat(KbVersions.compare("2026.12.1", "2026.12.1")).isZero();
        assertThat(KbVersions.compare("2026.12", "2026.12.1")).isNegative();
        assertThat(KbVersions.compare("2027.1.1", "2026.12.31")).isPositive();
        assertThat(KbVersions.compare("2026.01", "2026.1")).isNotZero();
        assertThat(KbVersions.valid("2026.12.1")).isTrue();
        for (String bad : List.of("", "..", ".hidden", "a/b", "bundled", "latest", "x y", "-x", "a".repeat(65))) {
            assertThat(KbVersions.valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void thePointerKeepsAHistoryToRollBackThrough() throws Exception {
        Installed.Pointer p = Installed.Pointer.none();
        for (String v : List.of("1", "2", "3", "4", "5", "6", "7")) {
            p = p.switchTo(v, false);
        }
        assertThat(p.use()).isEqualTo("7");
        assertThat(p.previous()).containsExactly("6", "5", "4", "3", "2");
        assertThat(Installed.Pointer.parse(p.text())).isEqualTo(p);
        Installed.Pointer back = p.back().orElseThrow();
        assertThat(back.use()).isEqualTo("6");
        assertThat(back.pinned()).isTrue();
        assertThat(p.switchTo("4", true).previous()).containsExactly("7", "6", "5", "3", "2");
        assertThatThrownBy(() -> Installed.Pointer.parse("use ../../etc\n")).isInstanceOf(Bytes.Corrupt.class);
        assertThatThrownBy(() -> Installed.Pointer.parse("cis-kb-active 1\nuse ../x\npinned no\n"))
                .isInstanceOf(Bytes.Corrupt.class);
    }

    @Test
    void anInstalledKbAnswersFromItsPreParsedForm() throws Exception {
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-18");
        Path v = install("2026.12.2", "1992-02-17", false);
        Files.delete(v.resolve("states.yaml")); // not read: the pre-parsed form answers
        KbStore store = store(BUILD);
        assertThat(armeniaSince(store)).isEqualTo("1992-02-17");
        assertThat(store.active().why()).isEqualTo("installed by 'cis update'");
        assertThat(store.meta(Optional.empty()).version()).isEqualTo("2026.12.2");
        assertThat(store.describe(Optional.empty())).isEqualTo(v.toString());
        assertThat(notes).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDamagedOrForeignPreParsedFormIsReplacedByWhatTheYamlSays() throws Exception {
        Path v = install("2026.12.2", "1992-02-17", false);
        Path bin = v.resolve(Installed.BIN);
        byte[] good = Files.readAllBytes(bin);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(bin, bad);
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-17");
        assertThat(notes).anyMatch(n -> n.contains("not used (checksum mismatch); parsing the YAML"));
        assertThat(Files.readAllBytes(bin)).isEqualTo(good); // written again, the same
        notes.clear();
        assertThat(armeniaSince(store(OTHER_BUILD))).isEqualTo("1992-02-17");
        assertThat(notes).anyMatch(n -> n.contains("written by another build of cis"));
        assertThat(armeniaSince(store(OTHER_BUILD))).isEqualTo("1992-02-17");
        assertThat(warnings).isEmpty();
    }

    @Test
    void anInstalledKbOthersCouldHaveWrittenIsNeverUsed() throws Exception {
        Path v = install("2026.12.2", "1992-02-17", false);
        Files.setPosixFilePermissions(v, PosixFilePermissions.fromString("rwxrwxr-x"));
        KbStore store = store(BUILD);
        assertThat(armeniaSince(store)).isEqualTo("1992-02-18");
        assertThat(warnings)
                .containsExactly("not using the installed knowledge base 2026.12.2: " + v
                        + " is writable by others (mode 775); answering from the bundled knowledge base");
        assertThat(store.describe(Optional.empty())).isEqualTo("the bundled knowledge base");
        Files.setPosixFilePermissions(v, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(tmp.resolve("data/cis"), PosixFilePermissions.fromString("rwxrwx---"));
        warnings.clear();
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-18");
        assertThat(warnings.get(0)).contains("data/cis is writable by others (mode 770)");
    }

    @Test
    void aLinkInPlaceOfAnInstalledKbIsNeverFollowed() throws Exception {
        Path v = install("2026.12.2", "1992-02-17", false);
        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(v, elsewhere);
        Files.createSymbolicLink(v, elsewhere);
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-18");
        assertThat(warnings.get(0)).contains(v + " is not a directory (a symbolic link)");
    }

    @Test
    void aDamagedPointerOrAnInvalidInstalledKbLeavesTheBundledOneAnswering() throws Exception {
        Path v = install("2026.12.2", "1992-02-17", false);
        Files.delete(v.resolve(Installed.BIN));
        Files.writeString(v.resolve("states.yaml"), "states: [", StandardCharsets.UTF_8);
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-18");
        assertThat(warnings.get(0))
                .startsWith("not using the installed knowledge base 2026.12.2: it is invalid (")
                .endsWith(
                        "'cis kb rollback' or 'cis kb use bundled' leaves it; answering from the bundled knowledge base");
        warnings.clear();
        Files.writeString(area().directory().resolve(Installed.POINTER), "garbage\n");
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-18");
        assertThat(warnings.get(0)).contains("active is damaged");
    }

    @Test
    void anUpdateOlderThanTheBundledKbIsUsedOnlyWhenPinned() throws Exception {
        install("2026.11.1", "1992-02-17", false);
        KbStore store = store(BUILD);
        assertThat(armeniaSince(store)).isEqualTo("1992-02-18");
        assertThat(store.active().why())
                .isEqualTo("the bundled knowledge base 2026.12.1 is newer than the installed 2026.11.1");
        assertThat(warnings).isEmpty();
        try (Installed.Lock lock = area().lock()) {
            area().activate("2026.11.1", true);
        }
        assertThat(armeniaSince(store(BUILD))).isEqualTo("1992-02-17");
    }

    @Test
    void aVersionIsInstalledOnceWithOneContent() throws Exception {
        install("2026.12.2", "1992-02-17", false);
        assertThat(install("2026.12.2", "1992-02-17", false)).exists(); // the same again: nothing to do
        KbStore store = store(BUILD);
        try (Installed.Lock lock = area().lock()) {
            Path staged = area().stage();
            KbStoreTest.copyData(staged);
            KbStoreTest.edit(staged.resolve("kb.yaml"), "version: \"2026.12.1\"", "version: \"2026.12.2\"");
            Files.writeString(staged.resolve(Installed.MANIFEST), "another manifest\n");
            KnowledgeBase kb = store.parse(staged);
            assertThatThrownBy(() -> store.install(staged, kb, "from test\n"))
                    .isInstanceOf(Installed.Conflict.class)
                    .hasMessageContaining("version 2026.12.2 is installed already with other content");
            area().discard(staged);
        }
        try (Stream<Path> left = Files.list(area().directory())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void pruningKeepsWhatIsInUseWhatRollbackReachesAndTheNewest() throws Exception {
        for (String v :
                List.of("2026.12.2", "2026.12.3", "2026.12.4", "2026.12.5", "2026.12.6", "2026.12.7", "2026.12.8")) {
            install(v, "1992-02-17", false);
        }
        try (Installed.Lock lock = area().lock()) {
            area().activate(Installed.BUNDLED, true);
            area().prune();
        }
        // in use: bundled; rollback reaches 12.8 … 12.4; 12.8 is the newest; 12.3 and 12.2 are gone
        assertThat(area().versions()).containsExactly("2026.12.8", "2026.12.7", "2026.12.6", "2026.12.5", "2026.12.4");
    }

    @Test
    void commandsWarnWhenTheInstalledKbIsNotUsedAndKbSaysWhy() throws Exception {
        // through the CLI: the same checks, and the user hears about them
        Path data = tmp.resolve("data");
        TestRun cis = TestRun.piped()
                .env("XDG_DATA_HOME", data.toString())
                .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Path v = install("2026.12.2", "1992-02-17", false);
        assertThat(cis.run("status", "Armenia", "--fields", "since").out()).isEqualTo("1992-02-17\n");
        Files.setPosixFilePermissions(v, PosixFilePermissions.fromString("rwxrwxrwx"));
        TestRun.Result r = cis.run("status", "Armenia", "--fields", "since");
        assertThat(r.out()).isEqualTo("1992-02-18\n");
        assertThat(r.err())
                .isEqualTo("cis: warning: not using the installed knowledge base 2026.12.2: " + v
                        + " is writable by others (mode 777); answering from the bundled knowledge base\n");
        TestRun.Result kb = cis.run("kb", "--json", "--jq", ".[0].from, .[0].warning");
        assertThat(kb.out()).startsWith("bundled\nnot using the installed knowledge base 2026.12.2: ");
        assertThat(cis.run("--version").out()).contains("warning: not using the installed knowledge base 2026.12.2");
    }
}
