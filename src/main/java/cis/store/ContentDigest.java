package cis.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The digest of one file's content, as it goes into a cache key: BLAKE2b-256 of the bytes; above
 * {@link #CHUNK} bytes, of the digests of its 1 MiB chunks, which this thread and one helper hash
 * in turn (a large KB is hashed on every cached run, and the machine has a second core). The
 * digest depends on the bytes alone, whether they come from memory or straight from the file.
 */
final class ContentDigest {
    static final int CHUNK = 1 << 20;
    private static final int READ = 1 << 16;

    private ContentDigest() {}

    /** Feeds {@code len} bytes from position {@code from} into a digest. */
    @FunctionalInterface
    interface Source {
        void hash(Blake2b into, long from, int len) throws IOException;
    }

    static byte[] of(byte[] bytes) throws IOException {
        return of(bytes.length, (into, from, len) -> into.update(bytes, (int) from, len));
    }

    /**
     * The digest of a file read straight from its channel, without holding it in memory; an
     * {@link IOException} when it changes size while it is read (then there is no key to trust).
     */
    static byte[] of(FileChannel channel) throws IOException {
        long size = channel.size();
        byte[] digest = of(size, (into, from, len) -> {
            ByteBuffer buf = ByteBuffer.allocate(Math.min(len, READ));
            for (long at = from, end = from + len; at < end; ) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - at));
                int n = channel.read(buf, at);
                if (n < 0) {
                    throw new IOException("the file shrank while it was read");
                }
                into.update(buf.array(), 0, n);
                at += n;
            }
        });
        if (channel.size() != size) {
            throw new IOException("the file changed size while it was read");
        }
        return digest;
    }

    static byte[] of(long length, Source source) throws IOException {
        if (length <= CHUNK) {
            Blake2b whole = new Blake2b();
            source.hash(whole, 0, (int) length);
            return whole.digest();
        }
        int chunks = (int) ((length + CHUNK - 1) / CHUNK);
        byte[][] digests = new byte[chunks][];
        IOException[] helperFailure = new IOException[1];
        Thread helper = new Thread(
                () -> {
                    try {
                        hashChunks(source, length, digests, 1);
                    } catch (IOException e) {
                        helperFailure[0] = e;
                    }
                },
                "cis-digest");
        helper.start();
        hashChunks(source, length, digests, 0);
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing");
        }
        if (helperFailure[0] != null) {
            throw helperFailure[0];
        }
        Blake2b all = new Blake2b().update(length);
        for (byte[] d : digests) {
            if (d == null) {
                throw new IOException("a chunk was not hashed");
            }
            all.update(d);
        }
        return all.digest();
    }

    /** Every second chunk, starting at {@code first}. */
    private static void hashChunks(Source source, long length, byte[][] digests, int first) throws IOException {
        for (int k = first; k < digests.length; k += 2) {
            long from = (long) k * CHUNK;
            Blake2b chunk = new Blake2b();
            source.hash(chunk, from, (int) Math.min(CHUNK, length - from));
            digests[k] = chunk.digest();
        }
    }
}
