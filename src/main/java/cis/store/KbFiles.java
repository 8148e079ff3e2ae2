package cis.store;

import cis.yaml.KbInput;
import cis.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The KB's files, each read at most once: the bytes that are hashed for a cache key are the very
 * bytes that are parsed, so an edit while cis runs can never be stored under the new files' key.
 * A directory is resolved to its real path first, so {@code link/../kb} reads what the kernel
 * reads. Files are read lazily: a command that needs two files reads two.
 */
public final class KbFiles implements KbInput {
    private final String describe;
    private final Optional<Path> directory;
    private final Path shown;
    private final Map<String, Read> reads = new HashMap<>();

    /** One file's outcome: its bytes, or the failure to read them (thrown again on every ask). */
    private static final class Read {
        private final byte[] bytes;
        private final IOException failure;

        Read(byte[] bytes, IOException failure) {
            this.bytes = bytes;
            this.failure = failure;
        }

        byte[] bytes() {
            return bytes;
        }

        IOException failure() {
            return failure;
        }
    }

    private KbFiles(String describe, Optional<Path> directory, Path shown) {
        this.describe = describe;
        this.directory = directory;
        this.shown = shown;
    }

    /** The YAML bundled in the jar (what the build pre-parsed). */
    public static KbFiles bundled() {
        return new KbFiles("the bundled knowledge base", Optional.empty(), Path.of("data"));
    }

    /** A user's KB directory, as the user named it (names in messages keep the user's spelling). */
    public static KbFiles directory(Path dir) {
        return new KbFiles(dir.toString(), Optional.of(dir), dir);
    }

    @Override
    public String displayName(String file) {
        return shown.resolve(file).toString();
    }

    @Override
    public String describe() {
        return describe;
    }

    /** The directory, for a user's KB. */
    public Optional<Path> directory() {
        return directory;
    }

    @Override
    public byte[] read(String file) throws IOException {
        Read r = reads.computeIfAbsent(file, this::load);
        if (r.failure() != null) {
            throw r.failure();
        }
        return r.bytes();
    }

    private Read load(String file) {
        try {
            return new Read(directory.isPresent() ? readFile(directory.get(), file) : readResource(file), null);
        } catch (IOException e) {
            return new Read(null, e);
        }
    }

    private byte[] readResource(String file) throws IOException {
        try (InputStream in = KbFiles.class.getResourceAsStream("/cis/kb/" + file)) {
            if (in == null) {
                throw new NoSuchFileException(displayName(file));
            }
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    /**
     * The digest of a file's content ({@link ContentDigest}): of the bytes already read, if they
     * were; else straight from the file, which is then not kept in memory (a cache hit needs only
     * the digest). A cache entry is only ever stored under the digest of bytes that were parsed.
     */
    byte[] digest(String file) throws IOException {
        Read r = reads.get(file);
        if (r != null || directory.isEmpty()) {
            return ContentDigest.of(read(file));
        }
        Path path = regularFile(directory.get(), file);
        try (FileChannel in = FileChannel.open(path)) {
            if (in.size() > YamlReader.MAX_BYTES) {
                throw new IOException(displayName(file) + " is larger than a KB file may be");
            }
            return ContentDigest.of(in);
        }
    }

    /** The file's real path, if it is a regular file: a FIFO or a device would block or never end. */
    private Path regularFile(Path dir, String file) throws IOException {
        Path path = dir.toRealPath().resolve(file);
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new FileSystemException(
                    displayName(file), null, a.isDirectory() ? "a directory, not a file" : "not a regular file");
        }
        return path;
    }

    private byte[] readFile(Path dir, String file) throws IOException {
        Path path = regularFile(dir, file);
        // One byte past the limit at most: the parser refuses a file that large. Read at the size
        // the file has (in one go, not in 8 KiB steps), and on to its end if it grew meanwhile.
        int limit = YamlReader.MAX_BYTES + 1;
        try (FileChannel in = FileChannel.open(path)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(limit, in.size() + 1));
            while (in.read(b) >= 0) {
                if (!b.hasRemaining()) {
                    if (b.capacity() == limit) {
                        break;
                    }
                    b = ByteBuffer.allocate((int) Math.min(limit, 2L * b.capacity()))
                            .put(b.flip());
                }
            }
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
