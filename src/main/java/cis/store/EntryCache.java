package cis.store;

import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.store.Bytes.Corrupt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Users' KB directories, pre-parsed, in {@code $XDG_CACHE_HOME/cis/kb} (else {@code ~/.cache/cis/kb}).
 * An entry is named by its key (see {@link KbStore}): a digest of the very bytes that were parsed,
 * of this build and of the binary format. It holds its key again, its length and a CRC-32C checksum;
 * an entry that fails any check, or fails to decode in any way, is deleted and the YAML parsed
 * again. Entries are used only from directories private to the user (see {@link Trust}); the
 * least recently used are evicted past {@link #MAX_ENTRIES} entries or {@link #MAX_BYTES} bytes.
 */
public final class EntryCache {
    static final int MAX_ENTRIES = 32;
    static final long MAX_BYTES = 64L << 20;
    /** A writer that died (killed, power lost) leaves its temporary file; it is cleared after this. */
    private static final long STALE_TEMP_MILLIS = 10 * 60 * 1000;

    private static final byte[] MAGIC = {'c', 'i', 's', '-', 'k', 'b', '\n', 1};
    private static final int KEY_BYTES = 32;
    private static final int HEADER = MAGIC.length + KEY_BYTES + 4;
    private static final String SUFFIX = ".kb";
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;
    private final Path dir;

    EntryCache(Path root) {
        this.root = root;
        this.dir = root.resolve("kb");
    }

    /**
     * The cache the environment names: {@code CIS_KB_CACHE=off} turns it off; a relative
     * {@code XDG_CACHE_HOME} is ignored, as the XDG spec says.
     */
    public static Optional<EntryCache> from(Map<String, String> env) {
        if ("off".equals(env.get("CIS_KB_CACHE"))) {
            return Optional.empty();
        }
        Optional<Path> home = cacheHome(env);
        return home.isPresent() ? Optional.of(new EntryCache(home.get().resolve("cis"))) : Optional.empty();
    }

    static Optional<Path> cacheHome(Map<String, String> env) {
        return XdgDirectory.of(env, "XDG_CACHE_HOME", ".cache");
    }

    Path directory() {
        return dir;
    }

    Path entry(byte[] key) {
        return dir.resolve(HexFormat.of().formatHex(key) + SUFFIX);
    }

    /** The KB stored under {@code key}, with at least {@code parts}; empty when there is none to trust. */
    Optional<KnowledgeBase> get(byte[] key, Set<KbPart> parts, Consumer<String> notes) {
        Path entry = entry(key);
        byte[] data;
        try {
            Optional<String> untrusted = Trust.directory(root);
            if (untrusted.isEmpty()) {
                untrusted = Trust.directory(dir);
            }
            if (untrusted.isEmpty()) {
                untrusted = Trust.file(entry);
            }
            if (untrusted.isPresent()) {
                notes.accept("not using the cache: " + untrusted.get());
                return Optional.empty();
            }
            data = read(entry);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // not cached yet
        } catch (IOException | RuntimeException e) {
            notes.accept("cannot read the cache: " + e);
            return Optional.empty();
        }
        try {
            KnowledgeBase kb = decode(data, key, parts);
            touch(entry);
            return Optional.of(kb);
        } catch (Throwable e) { // any defect at all means: not this entry
            notes.accept("cache entry " + entry + " discarded (" + (e instanceof Corrupt ? e.getMessage() : e)
                    + "); parsing the YAML again");
            delete(entry);
            return Optional.empty();
        }
    }

    /** Stores a validated KB under {@code key}; when the cache cannot be written, says why and goes on. */
    void put(byte[] key, KnowledgeBase kb, Consumer<String> notes) {
        Path temp = null;
        try {
            Optional<String> untrusted = prepare();
            if (untrusted.isPresent()) {
                notes.accept("not writing the cache: " + untrusted.get());
                return;
            }
            byte[] data = encode(key, kb);
            temp = dir.resolve(TEMP_PREFIX
                    + Long.toHexString(ProcessHandle.current().pid()) + "-" + Long.toHexString(System.nanoTime()));
            try (SeekableByteChannel out = Files.newByteChannel(
                    temp,
                    Set.<java.nio.file.OpenOption>of(
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            // rename(2) replaces whatever has the name, a symbolic link included, without following it
            Files.move(temp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            evict();
        } catch (IOException | RuntimeException e) {
            notes.accept("cannot write the cache: " + e);
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /** Creates the cache directories (0700) where missing; why they cannot be trusted, if they cannot. */
    private Optional<String> prepare() throws IOException {
        var privateDir = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root, privateDir);
        }
        Optional<String> why = Trust.directory(root);
        if (why.isPresent()) {
            return why;
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir, privateDir);
        }
        return Trust.directory(dir);
    }

    static byte[] encode(byte[] key, KnowledgeBase kb) {
        byte[] payload = KbCodec.encode(kb);
        Bytes.Out o = new Bytes.Out();
        o.bytes(MAGIC, 0, MAGIC.length);
        o.bytes(key, 0, KEY_BYTES);
        o.i32(payload.length);
        o.bytes(payload, 0, payload.length);
        CRC32C crc = new CRC32C();
        crc.update(o.toByteArray());
        o.i32((int) crc.getValue());
        return o.toByteArray();
    }

    static KnowledgeBase decode(byte[] data, byte[] key, Set<KbPart> parts) throws Corrupt {
        if (data.length < HEADER + 4) {
            throw new Corrupt("too short");
        }
        if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Corrupt("not a cis cache entry of this format");
        }
        if (!Arrays.equals(data, MAGIC.length, HEADER - 4, key, 0, KEY_BYTES)) {
            throw new Corrupt("stored under another key");
        }
        Bytes.In header = new Bytes.In(data, HEADER - 4, 4);
        int length = header.i32();
        if (length != data.length - HEADER - 4) {
            throw new Corrupt("length " + length + " does not match the file's " + data.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        if ((int) crc.getValue() != new Bytes.In(data, data.length - 4, 4).i32()) {
            throw new Corrupt("checksum mismatch");
        }
        return KbCodec.decode(data, HEADER, length, parts);
    }

    private static byte[] read(Path entry) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(entry, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = in.size();
            if (size > MAX_BYTES) {
                throw new IOException(entry + " is larger than any entry cis writes");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && in.read(b) >= 0) {
                // read on
            }
            return b.hasRemaining() ? Arrays.copyOf(b.array(), b.position()) : b.array();
        }
    }

    /** Marks an entry as just used, for eviction. */
    private static void touch(Path entry) {
        try {
            Files.getFileAttributeView(entry, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.fromMillis(System.currentTimeMillis()), null, null);
        } catch (IOException | RuntimeException e) {
            // a read-only cache still answers; it just forgets the order of use
        }
    }

    /** Deletes the least recently used entries past the bounds, and temporary files of dead writers. */
    private void evict() throws IOException {
        record Found(Path path, long used, long size) {}
        List<Found> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                boolean isEntry = name.endsWith(SUFFIX) && name.length() == 2 * KEY_BYTES + SUFFIX.length();
                if (!isEntry && !name.startsWith(TEMP_PREFIX)) {
                    continue; // not ours: never deleted
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                long used = a.lastModifiedTime().toMillis();
                if (!isEntry) {
                    if (now - used > STALE_TEMP_MILLIS) {
                        delete(p);
                    }
                } else {
                    entries.add(new Found(p, used, a.size()));
                }
            }
        }
        entries.sort(Comparator.comparingLong(Found::used).reversed());
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += entries.get(i).size();
            if (i >= MAX_ENTRIES || bytes > MAX_BYTES) {
                delete(entries.get(i).path());
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p); // removes a link itself, never what it points to
        } catch (IOException | RuntimeException e) {
            // nothing more to do: the next writer replaces it
        }
    }
}
