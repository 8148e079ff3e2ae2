package cis.update;

import cis.store.Installed;
import cis.store.KbStore;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A KB bundle: a gzip-compressed ustar archive ({@link Tar}) whose first entry is the {@link
 * Manifest}, whose second is its signatures ({@code MANIFEST.sig}, see {@link Signatures}), and
 * whose other entries are the KB's files the manifest lists, each exactly once, with the size and
 * SHA-256 it gives. Reading checks everything before a byte lands outside the staging directory
 * the store gives it, and bounds everything: the compressed size, each file and the whole.
 */
public final class Bundle {
    /** The largest bundle (compressed) cis downloads or reads. */
    public static final long MAX_BYTES = 64L << 20;
    /** The most a bundle may expand to: five files at the loader's limit, and the manifest. */
    static final long MAX_EXPANDED_BYTES = 5L * KbStore.MAX_FILE_BYTES + (1 << 20);

    private Bundle() {}

    /** The bundle's bytes: the manifest, its signatures (none when empty), then the files in the manifest's order. */
    static byte[] write(Manifest m, byte[] manifestBytes, byte[] signatures, Map<String, byte[]> files)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            Tar.Writer tar =
                    new Tar.Writer(gz, m.reviewed().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            tar.add(Installed.MANIFEST, manifestBytes);
            if (signatures.length > 0) {
                tar.add(Installed.SIGNATURE, signatures);
            }
            for (Manifest.Entry e : m.files()) {
                tar.add(e.name(), files.get(e.name()));
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    /** What a bundle says of itself, before its files are read. */
    @SuppressWarnings("ArrayRecordComponent") // bytes read once and passed on, never compared as records
    record Head(Manifest manifest, byte[] manifestBytes, Optional<byte[]> signatures) {}

    /** Reads a bundle from a stream, in order: {@link #head}, then {@link #extract}. */
    static final class Reader implements Closeable {
        private final InputStream raw;
        private final long maxFile;
        private final long maxExpanded;
        private Tar.Reader tar;
        private Optional<Tar.Entry> pending = Optional.empty();

        Reader(InputStream raw) {
            this(raw, KbStore.MAX_FILE_BYTES, MAX_EXPANDED_BYTES);
        }

        Reader(InputStream raw, long maxFile, long maxExpanded) {
            this.raw = raw;
            this.maxFile = maxFile;
            this.maxExpanded = maxExpanded;
        }

        /** The manifest and its signatures (not yet checked: see {@link Signatures#verify}). */
        Head head() throws UpdateException {
            try {
                tar = new Tar.Reader(new Bounded(new GZIPInputStream(raw, 1 << 16), maxExpanded));
                Tar.Entry first = tar.next().orElseThrow(() -> new Tar.Bad("it is empty"));
                if (!first.name().equals(Installed.MANIFEST)) {
                    throw new Tar.Bad("its first entry is '" + first.name() + "', not " + Installed.MANIFEST);
                }
                byte[] manifestBytes = small(first, Manifest.MAX_BYTES);
                Manifest m = Manifest.parse(manifestBytes);
                Optional<Tar.Entry> second = tar.next();
                Optional<byte[]> sig = Optional.empty();
                if (second.isPresent() && second.get().name().equals(Installed.SIGNATURE)) {
                    sig = Optional.of(small(second.get(), Signatures.MAX_BYTES));
                } else {
                    pending = second;
                }
                return new Head(m, manifestBytes, sig);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private byte[] small(Tar.Entry e, int max) throws IOException {
            if (e.size() > max) {
                throw new Tar.Bad(e.name() + " is " + e.size() + " bytes, more than it can be");
            }
            return tar.body().readAllBytes();
        }

        /**
         * Writes the files into {@code staged} (a directory of the store's), each checked against
         * the manifest: listed, once, of its size and SHA-256; then reads to the end of the
         * archive and of the compressed stream (whose own checksum catches a damaged download).
         */
        void extract(Manifest m, Path staged) throws UpdateException {
            Set<String> seen = new HashSet<>();
            try {
                for (Optional<Tar.Entry> e = pending.isPresent() ? pending : tar.next();
                        e.isPresent();
                        e = tar.next()) {
                    Tar.Entry entry = e.get();
                    String name = entry.name();
                    if (name.equals(Installed.MANIFEST) || name.equals(Installed.SIGNATURE) || !seen.add(name)) {
                        throw new Tar.Bad("it holds '" + name + "' twice");
                    }
                    Manifest.Entry listed = m.entry(name)
                            .orElseThrow(
                                    () -> new Tar.Bad("it holds '" + name + "', which its MANIFEST does not list"));
                    if (entry.size() != listed.size()) {
                        throw new Tar.Bad(name + " is " + entry.size() + " bytes but the MANIFEST says " + listed.size()
                                + ": the bundle was changed after it was signed");
                    }
                    if (entry.size() > maxFile) {
                        throw new Tar.Bad(
                                name + " is larger than a knowledge base file may be (" + (maxFile >> 20) + " MiB)");
                    }
                    String sha = copy(tar.body(), staged, name);
                    if (!sha.equals(listed.sha256())) {
                        throw new Tar.Bad(name + " does not match the SHA-256 in the MANIFEST: the bundle was changed "
                                + "after it was signed");
                    }
                }
                pending = Optional.empty();
                for (Manifest.Entry listed : m.files()) {
                    if (!seen.contains(listed.name())) {
                        throw new Tar.Bad("it lacks " + listed.name() + ", which its MANIFEST lists (truncated?)");
                    }
                }
                tar.expectOnlyPadding(); // and, reading to the end, the gzip trailer's CRC and length
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private static String copy(InputStream body, Path staged, String name) throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (FileChannel out = Installed.create(staged, name)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = body.read(buf)) >= 0; ) {
                    sha.update(buf, 0, n);
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                    while (b.hasRemaining()) {
                        try {
                            out.write(b);
                        } catch (IOException e) {
                            throw new Unwritable(e);
                        }
                    }
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new Tar.Bad("it holds '" + name + "' twice");
            }
            return HexFormat.of().formatHex(sha.digest());
        }

        @Override
        public void close() {
            try {
                raw.close();
            } catch (IOException e) {
                // nothing more to read from it
            }
        }
    }

    /** The staging directory could not be written (disk full, say): not the bundle's fault. */
    static final class Unwritable extends IOException {
        private static final long serialVersionUID = 1L;

        Unwritable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Why reading a bundle failed, as the user needs to hear it. */
    static UpdateException failure(IOException e) {
        String again = "The knowledge base in use is unchanged.";
        if (e instanceof SourceFailure s) {
            return s.toUpdateException();
        }
        if (e instanceof Unwritable) {
            return new UpdateException(
                    UpdateException.Kind.LOCAL,
                    "cannot write the bundle's files: " + e.getMessage(),
                    "Free some space where installed knowledge bases go. " + again,
                    e);
        }
        if (e instanceof Tar.Bad) {
            return new UpdateException(
                    UpdateException.Kind.INVALID, "the bundle is not valid: " + e.getMessage(), again, e);
        }
        if (e instanceof ZipException && String.valueOf(e.getMessage()).contains("Not in GZIP format")) {
            return new UpdateException(
                    UpdateException.Kind.INVALID,
                    "not a cis bundle (not gzip data): " + e.getMessage(),
                    "Bundles are made by 'cis kb pack'. " + again,
                    e);
        }
        if (e instanceof EOFException) {
            return new UpdateException(
                    UpdateException.Kind.INVALID,
                    "the bundle is truncated: " + e.getMessage(),
                    "The download may have been cut off: try again. " + again,
                    e);
        }
        return new UpdateException(UpdateException.Kind.INVALID, "the bundle is damaged: " + e.getMessage(), again, e);
    }

    /** The expanded stream, cut off past a bound: a small download must not unpack into gigabytes. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new Tar.Bad("it expands to more than " + (max >> 20) + " MiB");
                }
            }
            return n;
        }
    }
}
