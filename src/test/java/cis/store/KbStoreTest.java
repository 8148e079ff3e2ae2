package cis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cis.model.KbException;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store and its cache of users' KBs: whatever is cached, tampered with or edited, an answer is
 * what parsing the YAML gives. Each test reproduces one way the first cache gave a wrong answer.
 */
class KbStoreTest {
    static final BuildId BUILD = new BuildId("1".repeat(64), "2".repeat(64));
    static final Set<KbPart> STATES = EnumSet.of(KbPart.STATES);

    @TempDir
    Path tmp;

    Path kb;
    Path cacheHome;
    final List<String> notes = new ArrayList<>();

    @BeforeEach
    void copyTheBundledData() throws IOException {
        kb = copyData(tmp.resolve("kb"));
        cacheHome = tmp.resolve("cache");
    }

    static Path copyData(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(Path.of("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    KbStore store() {
        return store(BUILD, () -> {});
    }

    KbStore store(BuildId build, Runnable beforePublish) {
        return new KbStore(Optional.of(new EntryCache(cacheHome.resolve("cis"))), Optional.of(build), beforePublish);
    }

    KnowledgeBase load(KbStore store, Path dir) throws KbException {
        return store.load(Optional.of(dir), STATES, notes::add);
    }

    static State armenia(KnowledgeBase kb) {
        return kb.states().names().find("Armenia").orElseThrow();
    }

    static LocalDate memberSince(KnowledgeBase kb) {
        return armenia(kb).periods().get(1).from();
    }

    List<Path> entries() throws IOException {
        Path dir = cacheHome.resolve("cis/kb");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".kb")).toList();
        }
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aCachedAnswerIsTheParsedAnswer() throws Exception {
        KnowledgeBase parsed = load(store(), kb);
        assertThat(entries()).hasSize(1);
        KnowledgeBase cached = load(store(), kb);
        assertThat(cached).isNotSameAs(parsed);
        assertThat(cached.states().all()).isEqualTo(parsed.states().all());
        assertThat(cached.meta()).isEqualTo(parsed.meta());
        assertThat(notes).isEmpty();
    }

    @Test
    void aSameSizeEditWithTheModificationTimeRestoredIsSeen() throws Exception {
        Path states = kb.resolve("states.yaml");
        assertThat(memberSince(load(store(), kb))).isEqualTo(LocalDate.of(1992, 2, 18));
        FileTime before = Files.getLastModifiedTime(states);
        long size = Files.size(states);
        edit(states, "1992-02-18", "1992-03-18");
        Files.setLastModifiedTime(states, before);
        assertThat(Files.size(states)).isEqualTo(size);
        assertThat(memberSince(load(store(), kb))).isEqualTo(LocalDate.of(1992, 3, 18));

        // and an edit that breaks the KB is an error, not the old answer
        edit(states, "1992-03-18", "1992-13-18");
        Files.setLastModifiedTime(states, before);
        assertThatThrownBy(() -> load(store(), kb)).isInstanceOf(KbException.class);
    }

    @Test
    void anEditBetweenParseAndPublishIsNeverStoredUnderTheNewFilesKey() throws Exception {
        Path states = kb.resolve("states.yaml");
        Runnable editNow = () -> {
            try {
                edit(states, "1992-02-18", "1992-03-18");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
        // the run that was parsing answers from what it parsed...
        assertThat(memberSince(load(store(BUILD, editNow), kb))).isEqualTo(LocalDate.of(1992, 2, 18));
        // ...and every later run sees the edit
        assertThat(memberSince(load(store(), kb))).isEqualTo(LocalDate.of(1992, 3, 18));
        assertThat(memberSince(load(store(), kb))).isEqualTo(LocalDate.of(1992, 3, 18));
    }

    @Test
    void aPathThroughASymlinkAndDotDotReadsWhatTheKernelReads() throws Exception {
        Path elsewhere = tmp.resolve("elsewhere");
        Files.createDirectories(elsewhere.resolve("sub"));
        Path far = copyData(elsewhere.resolve("kbX"));
        edit(far.resolve("states.yaml"), "1992-02-18", "1992-03-18");
        Path base = tmp.resolve("base");
        Files.createDirectories(base);
        Files.createSymbolicLink(base.resolve("link"), elsewhere.resolve("sub"));
        Path near = copyData(base.resolve("kbX"));

        Path tricky = Path.of(base + "/link/../kbX");
        assertThat(memberSince(load(store(), tricky))).isEqualTo(LocalDate.of(1992, 3, 18));
        assertThat(memberSince(load(store(), near))).isEqualTo(LocalDate.of(1992, 2, 18));
        assertThat(memberSince(load(store(), tricky))).isEqualTo(LocalDate.of(1992, 3, 18));
    }

    @Test
    void anotherBuildNeverUsesThisBuildsEntries() throws Exception {
        load(store(), kb);
        BuildId newer = new BuildId("3".repeat(64), BUILD.format());
        BuildId otherFormat = new BuildId(BUILD.build(), "4".repeat(64));
        load(store(newer, () -> {}), kb);
        load(store(otherFormat, () -> {}), kb);
        assertThat(entries()).hasSize(3);
    }

    @Test
    void aStoreWithoutABuildIdParsesAndSaysWhy() throws Exception {
        KbStore store = new KbStore(Optional.of(new EntryCache(cacheHome.resolve("cis"))), Optional.empty(), () -> {});
        load(store, kb);
        assertThat(entries()).isEmpty();
        assertThat(notes).singleElement().asString().contains("not built by its build");
    }

    @Test
    void aDamagedEntryIsDiscardedRebuiltAndTheReasonNoted() throws Exception {
        KnowledgeBase parsed = load(store(), kb);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(entry, bytes);
        assertThat(load(store(), kb).states().all()).isEqualTo(parsed.states().all());
        assertThat(notes).singleElement().asString().contains("discarded (checksum mismatch)");
        notes.clear();
        assertThat(Files.readAllBytes(entry)).isNotEqualTo(bytes); // rebuilt
        assertThat(load(store(), kb).states().all()).isEqualTo(parsed.states().all());
        assertThat(notes).isEmpty();
    }

    @Test
    void theCacheDirectoriesAreCreatedPrivate() throws Exception {
        load(store(), kb);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheHome.resolve("cis"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheHome.resolve("cis/kb"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(entries().get(0))))
                .isEqualTo("rw-------");
    }

    @Test
    void anEntryOthersCanWriteIsNotUsed() throws Exception {
        load(store(), kb);
        Path entry = entries().get(0);
        // a planted entry: valid, but claiming another date, and group-writable
        KnowledgeBase edited = parsedWith(kb, "1992-02-18", "1992-03-18");
        Files.write(entry, EntryCache.encode(keyOf(entry), edited));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(memberSince(load(store(), kb))).isEqualTo(LocalDate.of(1992, 2, 18));
        assertThat(notes).singleElement().asString().contains("writable by others");
    }

    @Test
    void aCacheDirectoryOthersCanWriteIsNeitherReadNorWritten() throws Exception {
        Path cis = cacheHome.resolve("cis");
        Files.createDirectories(cis);
        Files.setPosixFilePermissions(cis, PosixFilePermissions.fromString("rwxrwxrwx"));
        load(store(), kb);
        assertThat(entries()).isEmpty();
        assertThat(notes)
                .anySatisfy(n -> assertThat(n).contains("not writing the cache").contains("writable by others"));
    }

    @Test
    void anEntryOfAnotherUserIsNotUsed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        load(store(), kb);
        Path entry = entries().get(0);
        Files.write(entry, EntryCache.encode(keyOf(entry), parsedWith(kb, "1992-02-18", "1992-03-18")));
        Files.setAttribute(entry, "unix:uid", 65534);
        assertThat(memberSince(load(store(), kb))).isEqualTo(LocalDate.of(1992, 2, 18));
        assertThat(notes).singleElement().asString().contains("belongs to another user");
    }

    @Test
    void aSymlinkedCacheDirectoryIsNotFollowed() throws Exception {
        Path target = tmp.resolve("victim");
        Files.createDirectories(target);
        Files.createDirectories(cacheHome);
        Files.createSymbolicLink(cacheHome.resolve("cis"), target);
        load(store(), kb);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
        assertThat(notes)
                .anySatisfy(n -> assertThat(n).contains("not writing the cache").contains("symbolic link"));
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnored() {
        assertThat(EntryCache.cacheHome(Map.of("XDG_CACHE_HOME", "rel/cache", "HOME", "/home/u")))
                .contains(Path.of("/home/u/.cache"));
        assertThat(EntryCache.cacheHome(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")))
                .contains(Path.of("/x/cache"));
        assertThat(EntryCache.cacheHome(Map.of("XDG_CACHE_HOME", "rel", "HOME", "rel")))
                .isEmpty();
        assertThat(EntryCache.from(Map.of("HOME", "/home/u", "CIS_KB_CACHE", "off")))
                .isEmpty();
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws Exception {
        load(store(), kb);
        Path entry = entries().get(0);
        Files.delete(entry);
        Files.createDirectories(entry.resolve("in-the-way")); // the rename onto it fails
        load(store(), kb);
        try (Stream<Path> files = Files.list(entry.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("cannot write the cache"));
    }

    @Test
    void theCacheKeepsABoundedNumberOfEntriesTheLeastRecentlyUsedGoFirst() throws Exception {
        KnowledgeBase parsed = load(store(), kb);
        Path first = entries().get(0);
        Files.setLastModifiedTime(first, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // just used
        EntryCache cache = new EntryCache(cacheHome.resolve("cis"));
        int puts = EntryCache.MAX_ENTRIES + 5;
        for (int i = 0; i < puts; i++) { // each one used more recently than the one before
            cache.put(key(i), parsed, notes::add);
            Files.setLastModifiedTime(
                    cache.entry(key(i)), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L * (puts - i)));
        }
        assertThat(entries())
                .hasSize(EntryCache.MAX_ENTRIES)
                .contains(first, cache.entry(key(puts - 1)))
                .doesNotContain(cache.entry(key(0)), cache.entry(key(puts - EntryCache.MAX_ENTRIES)));
        assertThat(notes).isEmpty();
    }

    static byte[] key(int i) {
        return new Blake2b().update("key " + i).digest();
    }

    @Test
    void aStaleTemporaryFileOfADeadWriterIsCleared() throws Exception {
        load(store(), kb);
        Path stale = cacheHome.resolve("cis/kb/.tmp-dead-writer");
        Files.write(stale, new byte[100]);
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path fresh = cacheHome.resolve("cis/kb/.tmp-live-writer");
        Files.write(fresh, new byte[100]);
        Path foreign = cacheHome.resolve("cis/kb/notes.txt");
        Files.writeString(foreign, "not cis's");
        edit(kb.resolve("states.yaml"), "Ashgabat", "Ashgabad"); // a miss, so a write
        load(store(), kb);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(foreign).exists();
    }

    @Test
    void aFifoWhereAFileBelongsIsAnErrorNotAHang() throws Exception {
        Path sessions = kb.resolve("sessions.yaml");
        Files.delete(sessions);
        Process mkfifo = new ProcessBuilder("mkfifo", sessions.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        // status needs only states.yaml: a miss reads nothing else
        assertThat(load(store(), kb).states().all()).hasSize(15);
        assertThatThrownBy(() -> store().load(Optional.of(kb), EnumSet.of(KbPart.SESSIONS), notes::add))
                .isInstanceOf(KbException.class)
                .satisfies(e -> assertThat(((KbException) e).problems())
                        .singleElement()
                        .asString()
                        .endsWith("sessions.yaml:1:1: cannot read: not a regular file"));
        assertThat(store().validate(Optional.of(kb), EnumSet.allOf(KbPart.class)))
                .singleElement()
                .asString()
                .endsWith("sessions.yaml:1:1: cannot read: not a regular file");
    }

    @Test
    void theShellsStoreLoadsEachKbOnceAndAddsPartsAsAsked() throws Exception {
        KbStore store = store();
        KnowledgeBase states = load(store, kb);
        assertThat(store.load(Optional.of(kb), STATES, notes::add)).isSameAs(states);
        KnowledgeBase sessions = store.load(Optional.of(kb), EnumSet.of(KbPart.SESSIONS), notes::add);
        assertThat(sessions.parts()).containsExactlyInAnyOrder(KbPart.STATES, KbPart.BODIES, KbPart.SESSIONS);
        assertThat(store.load(Optional.of(kb), STATES, notes::add)).isSameAs(sessions);
    }

    /** The key an entry was stored under, from its file name. */
    static byte[] keyOf(Path entry) {
        String name = entry.getFileName().toString();
        return java.util.HexFormat.of().parseHex(name.substring(0, name.length() - 3));
    }

    KnowledgeBase parsedWith(Path dir, String from, String to) throws Exception {
        Path copy = copyData(tmp.resolve("edited-" + System.nanoTime()));
        edit(copy.resolve("states.yaml"), from, to);
        return KbStore.withoutCache().load(Optional.of(copy), STATES, n -> {});
    }
}
