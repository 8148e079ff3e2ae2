package cis.store;

/**
 * BLAKE2b-256 (RFC 7693), the digest of cache keys: a user's KB is hashed on every cached run,
 * so the hash is on the start-up path. Measured in a fresh JVM with the CLI's flags on a 4 MiB
 * file: the JDK's SHA-256 about 50 ms (its security providers alone cost 9 ms), a plain-Java
 * SHA-256 about 28 ms, this about 14 ms. Checked against Bouncy Castle's BLAKE2b by a test.
 */
final class Blake2b {
    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
    };
    /** The message schedule: the order in which each round reads the block's sixteen words. */
    private static final byte[] SIGMA = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0
    };

    private static final int BLOCK = 128;
    private static final int DIGEST = 32;

    private final long[] h = IV.clone();
    private final long[] m = new long[16];
    private final byte[] buf = new byte[BLOCK];
    private int fill;
    private long counter;

    Blake2b() {
        h[0] ^= 0x01010000L ^ DIGEST; // parameter block: digest length, no key, fan-out and depth 1
    }

    Blake2b update(byte[] b) {
        return update(b, 0, b.length);
    }

    Blake2b update(byte[] b, int off, int len) {
        // A full block is compressed only once more input follows: the last block is compressed as final.
        while (len > 0) {
            if (fill == BLOCK) {
                counter += BLOCK;
                compress(buf, 0, false);
                fill = 0;
            }
            if (fill == 0) {
                for (; len > BLOCK; off += BLOCK, len -= BLOCK) {
                    counter += BLOCK;
                    compress(b, off, false);
                }
            }
            int n = Math.min(len, BLOCK - fill);
            System.arraycopy(b, off, buf, fill, n);
            fill += n;
            off += n;
            len -= n;
        }
        return this;
    }

    /** Eight bytes, little-endian: lengths go into keys so that two files can never run together. */
    Blake2b update(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return update(b, 0, 8);
    }

    /** A string's UTF-8 bytes, after their length. */
    Blake2b update(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return update(b.length).update(b);
    }

    /** The 32-byte digest; the object is spent afterwards. */
    byte[] digest() {
        counter += fill;
        java.util.Arrays.fill(buf, fill, BLOCK, (byte) 0);
        compress(buf, 0, true);
        byte[] out = new byte[DIGEST];
        for (int i = 0; i < DIGEST; i++) {
            out[i] = (byte) (h[i >> 3] >>> (8 * (i & 7)));
        }
        return out;
    }

    private void compress(byte[] b, int off, boolean last) {
        long[] m = this.m;
        for (int i = 0; i < 16; i++, off += 8) {
            m[i] = (b[off] & 0xffL)
                    | (b[off + 1] & 0xffL) << 8
                    | (b[off + 2] & 0xffL) << 16
                    | (b[off + 3] & 0xffL) << 24
                    | (b[off + 4] & 0xffL) << 32
                    | (b[off + 5] & 0xffL) << 40
                    | (b[off + 6] & 0xffL) << 48
                    | (b[off + 7] & 0xffL) << 56;
        }
        long v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        long v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
        long v12 = IV[4] ^ counter, v13 = IV[5], v14 = last ? ~IV[6] : IV[6], v15 = IV[7];
        // The mixing function G written out eight times a round: C1 would not inline it as a method.
        for (int r = 0; r < 12; r++) {
            int s = (r % 10) * 16;
            v0 += v4 + m[SIGMA[s]];
            v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 += v4 + m[SIGMA[s + 1]];
            v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 63);

            v1 += v5 + m[SIGMA[s + 2]];
            v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 += v5 + m[SIGMA[s + 3]];
            v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 63);

            v2 += v6 + m[SIGMA[s + 4]];
            v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 += v6 + m[SIGMA[s + 5]];
            v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 63);

            v3 += v7 + m[SIGMA[s + 6]];
            v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 += v7 + m[SIGMA[s + 7]];
            v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 63);

            v0 += v5 + m[SIGMA[s + 8]];
            v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 += v5 + m[SIGMA[s + 9]];
            v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 63);

            v1 += v6 + m[SIGMA[s + 10]];
            v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 += v6 + m[SIGMA[s + 11]];
            v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 63);

            v2 += v7 + m[SIGMA[s + 12]];
            v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 += v7 + m[SIGMA[s + 13]];
            v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 63);

            v3 += v4 + m[SIGMA[s + 14]];
            v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 += v4 + m[SIGMA[s + 15]];
            v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
