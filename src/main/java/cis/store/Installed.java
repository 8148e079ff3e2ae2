package cis.store;

import cis.model.KbException;
import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.store.Bytes.Corrupt;
import cis.yaml.KbLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The knowledge bases {@code cis update} installed, in {@code $XDG_DATA_HOME/cis/kb} (an absolute
 * {@code XDG_DATA_HOME} only, else {@code ~/.local/share/cis/kb}): a directory per version, holding
 * the bundle's YAML files and signed manifest, where it came from ({@code origin}) and the KB
 * pre-parsed ({@code kb.bin}), and a small pointer file ({@code active}) naming the one in use, the
 * ones before it (for {@code cis kb rollback}) and whether the choice is pinned.
 *
 * <p>Everything here is used only when it belongs to the user running cis, is writable by nobody
 * else and is not a symbolic link ({@link Trust}); otherwise the bundled KB answers and the user is
 * told why. Every change is atomic: files are written beside their place, synced and renamed.
 */
public final class Installed {
    public static final String MANIFEST = "MANIFEST";
    public static final String SIGNATURE = "MANIFEST.sig";
    public static final String BUNDLED = "bundled";
    /** How many KBs {@code cis kb rollback} can go back through; older ones are deleted. */
    public static final int MAX_PREVIOUS = 5;

    static final String POINTER = "active";
    static final String BIN = "kb.bin";
    static final String ORIGIN = "origin";
    private static final String LOCK = ".lock";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final long STALE_TEMP_MILLIS = 10 * 60 * 1000;
    private static final int MAX_SMALL_FILE = 1 << 16;
    private static final long MAX_BIN_BYTES = 1L << 30;
    private static final byte[] BIN_MAGIC = {'c', 'i', 's', '-', 'k', 'b', 'i', 1};
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path root;
    private final Path dir;

    Installed(Path root) {
        this.root = root;
        this.dir = root.resolve("kb");
    }

    /** Where the environment keeps installed KBs; empty when neither XDG_DATA_HOME nor HOME is absolute. */
    public static Optional<Installed> from(Map<String, String> env) {
        Optional<Path> data = XdgDirectory.of(env, "XDG_DATA_HOME", ".local/share");
        return data.isPresent() ? Optional.of(new Installed(data.get().resolve("cis"))) : Optional.empty();
    }

    /** The directory that holds a directory per installed version. */
    public Path directory() {
        return dir;
    }

    public Path versionDirectory(String version) {
        return dir.resolve(version);
    }

    /** The area cannot be trusted or written: why, in one line. */
    public static final class Unusable extends IOException {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** A version is installed already, with other content: a changed KB must have a new version. */
    public static final class Conflict extends IOException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    // ---- the pointer ----

    /**
     * Which KB is in use ({@code use}: a version, or {@link #BUNDLED}), whether that was chosen by
     * hand ({@code pinned}: then {@code cis update} installs but does not switch), and the KBs in
     * use before, the latest first.
     */
    public record Pointer(String use, boolean pinned, List<String> previous) {
        private static final String HEADER = "cis-kb-active 1";

        public Pointer {
            previous = List.copyOf(previous);
            boolean ok = nameable(use);
            for (String p : previous) {
                ok &= nameable(p);
            }
            if (!ok) {
                throw new IllegalArgumentException("not a KB version: " + use + " " + previous);
            }
        }

        /** Nothing installed or chosen yet: the bundled KB, not pinned. */
        public static Pointer none() {
            return new Pointer(BUNDLED, false, List.of());
        }

        public boolean bundled() {
            return use.equals(BUNDLED);
        }

        /** In use from now: {@code version}; what was in use goes first in the history. */
        public Pointer switchTo(String version, boolean pin) {
            if (version.equals(use)) {
                return new Pointer(use, pin, previous);
            }
            List<String> before = new ArrayList<>();
            before.add(use);
            for (String p : previous) {
                if (!p.equals(version) && !before.contains(p) && before.size() < MAX_PREVIOUS) {
                    before.add(p);
                }
            }
            return new Pointer(version, pin, before);
        }

        /** The KB in use before this one, pinned (so that {@code cis update} does not undo the rollback). */
        public Optional<Pointer> back() {
            return previous.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new Pointer(previous.get(0), true, previous.subList(1, previous.size())));
        }

        String text() {
            StringBuilder b = new StringBuilder(HEADER).append('\n');
            b.append("use ").append(use).append('\n');
            b.append("pinned ").append(pinned ? "yes" : "no").append('\n');
            for (String p : previous) {
                b.append("previous ").append(p).append('\n');
            }
            return b.toString();
        }

        static Pointer parse(String text) throws Corrupt {
            List<String> lines = List.of(text.split("\n", -1));
            if (lines.size() < 4
                    || !lines.get(0).equals(HEADER)
                    || !lines.get(lines.size() - 1).isEmpty()) {
                throw new Corrupt("not a pointer file of this cis");
            }
            String use = value(lines.get(1), "use");
            String pinned = value(lines.get(2), "pinned");
            if (!pinned.equals("yes") && !pinned.equals("no")) {
                throw new Corrupt("pinned is neither yes nor no");
            }
            List<String> previous = new ArrayList<>();
            for (int i = 3; i < lines.size() - 1; i++) {
                previous.add(value(lines.get(i), "previous"));
            }
            try {
                return new Pointer(use, pinned.equals("yes"), previous);
            } catch (IllegalArgumentException e) {
                throw new Corrupt(e.getMessage());
            }
        }

        private static String value(String line, String key) throws Corrupt {
            if (!line.startsWith(key + " ")) {
                throw new Corrupt("expected '" + key + "' in '" + line + "'");
            }
            return line.substring(key.length() + 1);
        }
    }

    static boolean nameable(String version) {
        return version.equals(BUNDLED) || KbVersions.valid(version);
    }

    /** The pointer; {@link Pointer#none()} when nothing was ever installed or chosen. */
    public Pointer pointer() throws IOException {
        try {
            checkArea();
            Path p = dir.resolve(POINTER);
            untrusted(Trust.file(p));
            return Pointer.parse(new String(readSmall(p), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Pointer.none();
        } catch (Corrupt e) {
            throw new Unusable(dir.resolve(POINTER) + " is damaged (" + e.getMessage() + ")");
        }
    }

    private void checkArea() throws IOException {
        untrusted(Trust.directory(root));
        untrusted(Trust.directory(dir));
    }

    private static void untrusted(Optional<String> why) throws Unusable {
        if (why.isPresent()) {
            throw new Unusable(why.get());
        }
    }

    // ---- which KB answers ----

    /**
     * What the pointer chooses, and why; {@code warning} when an installed KB was chosen but cannot
     * be used (then the bundled one answers). An installed KB older than the bundled one is not used
     * unless it was chosen by hand: a new cis brings newer facts than an old update.
     */
    public record Choice(Optional<String> version, boolean pinned, String why, Optional<String> warning) {
        static Choice bundled(String why) {
            return new Choice(Optional.empty(), false, why, Optional.empty());
        }

        static Choice unusable(String warning) {
            return new Choice(
                    Optional.empty(), false, "the installed knowledge base cannot be used", Optional.of(warning));
        }

        public boolean installed() {
            return version.isPresent();
        }
    }

    Choice choose(Optional<String> bundledVersion) {
        Pointer p;
        try {
            p = pointer();
        } catch (IOException e) {
            return Choice.unusable("not using the installed knowledge base: " + message(e));
        }
        if (p.bundled()) {
            String why = p.pinned()
                    ? "chosen with 'cis kb use bundled' or 'cis kb rollback'"
                    : p.previous().isEmpty() ? "no update is installed" : "no installed update is newer";
            return new Choice(Optional.empty(), p.pinned(), why, Optional.empty());
        }
        Path v = dir.resolve(p.use());
        try {
            untrusted(Trust.directory(v));
        } catch (IOException e) {
            return Choice.unusable("not using the installed knowledge base " + p.use() + ": " + message(e));
        }
        if (!p.pinned() && bundledVersion.isPresent() && KbVersions.compare(p.use(), bundledVersion.get()) < 0) {
            return Choice.bundled(
                    "the bundled knowledge base " + bundledVersion.get() + " is newer than the installed " + p.use());
        }
        return new Choice(
                Optional.of(p.use()),
                p.pinned(),
                p.pinned() ? "chosen with 'cis kb use' or 'cis kb rollback'" : "installed by 'cis update'",
                Optional.empty());
    }

    static String message(IOException e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + " does not exist";
        }
        return e instanceof Unusable || e.getMessage() == null ? String.valueOf(e.getMessage()) : e.toString();
    }

    // ---- the pre-parsed form ----

    /**
     * The installed version's pre-parsed KB, if it is there, intact (its checksum), made by this
     * build of cis (an older cis's form, or its validation, may differ) and of this version.
     */
    Optional<KnowledgeBase> readBin(
            String version, Optional<BuildId> build, Set<KbPart> parts, Consumer<String> notes) {
        if (build.isEmpty()) {
            return Optional.empty();
        }
        Path bin = dir.resolve(version).resolve(BIN);
        byte[] data;
        try {
            untrusted(Trust.file(bin));
            data = read(bin, MAX_BIN_BYTES);
        } catch (NoSuchFileException e) {
            notes.accept(bin + " is missing; parsing the YAML of " + version);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            notes.accept("not using " + bin + ": " + message(e instanceof IOException io ? io : new IOException(e)));
            return Optional.empty();
        }
        try {
            return Optional.of(decodeBin(data, version, build.get(), parts));
        } catch (Throwable e) { // any defect: the YAML beside it is the truth
            notes.accept(bin + " not used (" + (e instanceof Corrupt ? e.getMessage() : e) + "); parsing the YAML");
            return Optional.empty();
        }
    }

    static byte[] encodeBin(String version, BuildId build, KnowledgeBase kb) {
        byte[] payload = KbCodec.encode(kb);
        Bytes.Out o = new Bytes.Out();
        o.bytes(BIN_MAGIC, 0, BIN_MAGIC.length);
        byte[] id = HexFormat.of().parseHex(build.build() + build.format());
        o.bytes(id, 0, id.length);
        o.str(version);
        o.i32(payload.length);
        o.bytes(payload, 0, payload.length);
        CRC32C crc = new CRC32C();
        crc.update(o.toByteArray());
        o.i32((int) crc.getValue());
        return o.toByteArray();
    }

    static KnowledgeBase decodeBin(byte[] data, String version, BuildId build, Set<KbPart> parts) throws Corrupt {
        if (data.length < BIN_MAGIC.length + 64 + 12) {
            throw new Corrupt("too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        if ((int) crc.getValue() != new Bytes.In(data, data.length - 4, 4).i32()) {
            throw new Corrupt("checksum mismatch");
        }
        if (!Arrays.equals(data, 0, BIN_MAGIC.length, BIN_MAGIC, 0, BIN_MAGIC.length)) {
            throw new Corrupt("not a pre-parsed KB of this format");
        }
        byte[] id = HexFormat.of().parseHex(build.build() + build.format());
        if (!Arrays.equals(data, BIN_MAGIC.length, BIN_MAGIC.length + id.length, id, 0, id.length)) {
            throw new Corrupt("written by another build of cis");
        }
        int at = BIN_MAGIC.length + id.length;
        Bytes.In in = new Bytes.In(data, at, data.length - 4 - at);
        if (!in.str().equals(version)) {
            throw new Corrupt("of another version");
        }
        int length = in.i32();
        if (length != in.remaining()) {
            throw new Corrupt("length " + length + " does not match the file");
        }
        return KbCodec.decode(data, data.length - 4 - length, length, parts);
    }

    /** Writes the pre-parsed form again (after a new cis parsed the YAML), so that the next run is fast. */
    void rewriteBin(String version, BuildId build, KnowledgeBase kb, Consumer<String> notes) {
        Path v = dir.resolve(version);
        try {
            checkArea();
            untrusted(Trust.directory(v));
            writeAtomically(v, BIN, encodeBin(version, build, kb));
        } catch (IOException | RuntimeException e) {
            notes.accept("cannot write " + v.resolve(BIN) + ": " + e);
        }
    }

    // ---- what is installed ----

    /** The installed versions, newest first (directories with a version's name; nothing else). */
    public List<String> versions() throws IOException {
        List<String> out = new ArrayList<>();
        try {
            checkArea();
        } catch (NoSuchFileException e) {
            return out;
        }
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                if (KbVersions.valid(name) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(name);
                }
            }
        }
        out.sort((a, b) -> KbVersions.compare(b, a));
        return out;
    }

    /** Where an installed version came from: {@code from}, {@code installed}, {@code signed-by}, as recorded. */
    public Map<String, String> origin(String version) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Path v = dir.resolve(version);
            untrusted(Trust.directory(v));
            untrusted(Trust.file(v.resolve(ORIGIN)));
            for (String line : new String(readSmall(v.resolve(ORIGIN)), StandardCharsets.UTF_8).split("\n", -1)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    out.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing recorded, or nothing to trust: nothing to say
        }
        return out;
    }

    /** An installed version's metadata: from its pre-parsed form when that is current, else from its kb.yaml. */
    Optional<KbMeta> meta(String version, Optional<BuildId> build) {
        Optional<KnowledgeBase> kb = readBin(version, build, EnumSet.noneOf(KbPart.class), note -> {});
        if (kb.isPresent()) {
            return Optional.of(kb.get().meta());
        }
        try {
            untrusted(Trust.directory(dir.resolve(version)));
            return Optional.of(KbLoader.meta(KbFiles.directory(dir.resolve(version))));
        } catch (IOException | KbException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- changes: staged, synced, renamed ----

    /** A lock on the installed KBs, released by {@link #close}. */
    public interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Held while the installed KBs change: one {@code cis update} or {@code cis kb use} at a time. */
    public Lock lock() throws IOException {
        prepare();
        FileChannel ch = FileChannel.open(
                dir.resolve(LOCK),
                Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PRIVATE_FILE);
        try {
            FileLock lock = ch.lock();
            return () -> {
                lock.release();
                ch.close();
            };
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Creates {@code cis/} and {@code cis/kb/} (0700) where missing; fails when they cannot be trusted. */
    private void prepare() throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root, PRIVATE_DIR);
        }
        untrusted(Trust.directory(root));
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir, PRIVATE_DIR);
        }
        untrusted(Trust.directory(dir));
    }

    /**
     * A new private directory beside the installed KBs, where a bundle's files wait while they are
     * checked; {@link #install} renames it into place, {@link #discard} removes it.
     */
    public Path stage() throws IOException {
        prepare();
        clearStale();
        Path t = dir.resolve(TEMP_PREFIX
                + Long.toHexString(ProcessHandle.current().pid()) + "-" + Long.toHexString(System.nanoTime()));
        Files.createDirectory(t, PRIVATE_DIR);
        return t;
    }

    /** Opens a new file in a staged directory, private to the user; it must not exist yet. */
    public static FileChannel create(Path staged, String name) throws IOException {
        return FileChannel.open(
                staged.resolve(name),
                Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PRIVATE_FILE);
    }

    /** Removes a staged directory and what is in it (never following a link). */
    public void discard(Path staged) {
        if (staged.getParent() == null
                || !staged.getParent().equals(dir)
                || !staged.getFileName().toString().startsWith(TEMP_PREFIX)) {
            return; // only ever our own temporary directories
        }
        deleteTree(staged);
    }

    /**
     * Moves a staged, checked KB into place as its version: writes its pre-parsed form and where it
     * came from, syncs every file and the directory, and renames it to {@code kb/<version>}. When that
     * version is installed already with the same manifest, the staged copy is dropped.
     *
     * @return the version's directory
     */
    Path install(Path staged, KnowledgeBase kb, Optional<BuildId> build, String origin) throws IOException {
        String version = kb.meta().version();
        if (!KbVersions.valid(version)) {
            throw new Unusable("'" + version + "' cannot name an installed knowledge base");
        }
        if (build.isPresent()) {
            writeNew(staged, BIN, encodeBin(version, build.get(), kb));
        }
        writeNew(staged, ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staged)) {
            for (Path f : files) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    ch.force(true);
                }
            }
        }
        syncDirectory(staged);
        Path target = dir.resolve(version);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            untrusted(Trust.directory(target));
            byte[] ours = readSmallOrEmpty(staged.resolve(MANIFEST));
            byte[] theirs = readSmallOrEmpty(target.resolve(MANIFEST));
            if (ours.length > 0 && Arrays.equals(ours, theirs)) {
                discard(staged);
                return target;
            }
            throw new Conflict("version " + version + " is installed already with other content (" + target
                    + "); a changed knowledge base needs a new version");
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        return target;
    }

    /** Makes {@code version} (or {@link #BUNDLED}) the KB in use; call with {@link #lock} held. */
    public Pointer activate(String version, boolean pinned) throws IOException {
        if (!version.equals(BUNDLED)) {
            untrusted(Trust.directory(dir.resolve(version)));
        }
        Pointer next = pointer().switchTo(version, pinned);
        writePointer(next);
        return next;
    }

    /** Back to the KB in use before; empty when there is none. Call with {@link #lock} held. */
    public Optional<Pointer> rollback() throws IOException {
        Optional<Pointer> back = pointer().back();
        if (back.isPresent()) {
            if (!back.get().bundled()) {
                untrusted(Trust.directory(dir.resolve(back.get().use())));
            }
            writePointer(back.get());
        }
        return back;
    }

    private void writePointer(Pointer p) throws IOException {
        prepare();
        writeAtomically(dir, POINTER, p.text().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes installed versions that are not in use, cannot be rolled back to and are not the
     * newest (which {@code cis kb use latest} chooses); never anything but directories named like a
     * version. Call with {@link #lock} held.
     */
    public List<String> prune() throws IOException {
        Pointer p = pointer();
        List<String> removed = new ArrayList<>();
        List<String> installed = versions();
        for (String v : installed) {
            if (!v.equals(p.use()) && !p.previous().contains(v) && !v.equals(installed.get(0))) {
                deleteTree(dir.resolve(v));
                removed.add(v);
            }
        }
        return removed;
    }

    private void clearStale() {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    BasicFileAttributes a =
                            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (now - a.lastModifiedTime().toMillis() > STALE_TEMP_MILLIS) {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an update that died left them; the next one tries again
        }
    }

    private static void deleteTree(Path top) {
        try {
            Files.walkFileTree(
                    top,
                    new SimpleFileVisitor<>() { // never follows links: a link is deleted, not its target
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                            Files.deleteIfExists(d);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // what is left is harmless: no pointer names it
        }
    }

    private static void writeNew(Path staged, String name, byte[] data) throws IOException {
        try (FileChannel ch = create(staged, name)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** Writes beside the file, syncs, renames over it (which replaces a link, never follows it), syncs the directory. */
    private static void writeAtomically(Path directory, String name, byte[] data) throws IOException {
        Path temp = directory.resolve(TEMP_PREFIX + name + "-"
                + Long.toHexString(ProcessHandle.current().pid()) + "-" + Long.toHexString(System.nanoTime()));
        try {
            try (FileChannel ch = FileChannel.open(
                    temp,
                    Set.<OpenOption>of(
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PRIVATE_FILE)) {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(
                    temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncDirectory(directory);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** So that a rename survives a crash: a no-op where directories cannot be synced. */
    private static void syncDirectory(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every system lets a directory be opened or synced
        }
    }

    private static byte[] readSmall(Path p) throws IOException {
        return read(p, MAX_SMALL_FILE);
    }

    private static byte[] readSmallOrEmpty(Path p) {
        try {
            return readSmall(p);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /**
     * A file that {@link Trust} has checked (a regular file, in a directory only this user can
     * write, so nobody can swap it for a link meanwhile). Read with java.io, not NIO channels: this is
     * on every query's path, and the channels' native library costs start-up time.
     */
    private static byte[] read(Path p, long max) throws IOException {
        java.io.File f = p.toFile();
        try (java.io.InputStream in = new java.io.FileInputStream(f)) {
            long size = f.length();
            if (size > max) {
                throw new IOException(p + " is larger than cis ever writes it");
            }
            byte[] b = new byte[(int) size];
            int n = in.readNBytes(b, 0, b.length);
            return n < b.length ? Arrays.copyOf(b, n) : b;
        } catch (java.io.FileNotFoundException e) {
            throw Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? e : new NoSuchFileException(p.toString());
        }
    }
}
