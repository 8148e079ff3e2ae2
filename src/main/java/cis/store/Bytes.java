package cis.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The primitives of the KB's binary form: a growable output and a bounds-checked input. Every
 * count and length the input reads is checked against the bytes that remain, so a damaged entry
 * fails fast with {@link Corrupt}, never with a huge allocation.
 */
final class Bytes {
    private Bytes() {}

    /** The data does not decode: damaged, truncated, or of another layout. */
    static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message, null, false, false);
        }
    }

    static final class Out {
        private byte[] buf = new byte[1 << 16];
        private int size;

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void u8(int v) {
            ensure(1);
            buf[size++] = (byte) v;
        }

        void i32(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void i64(long v) {
            i32((int) (v >>> 32));
            i32((int) v);
        }

        void bool(boolean v) {
            u8(v ? 1 : 0);
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            bytes(b, 0, b.length);
        }

        void bytes(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        int size() {
            return size;
        }

        /** Overwrites four bytes written earlier (a section's length, once it is known). */
        void i32At(int at, int v) {
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    static final class In {
        private final byte[] buf;
        private int pos;
        private int end;

        In(byte[] buf, int off, int len) {
            if (off < 0 || len < 0 || off + len > buf.length) {
                throw new IllegalArgumentException("range outside the buffer");
            }
            this.buf = buf;
            this.pos = off;
            this.end = off + len;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws Corrupt {
            if (n < 0 || n > end - pos) {
                throw new Corrupt("truncated at byte " + pos);
            }
        }

        int u8() throws Corrupt {
            need(1);
            return buf[pos++] & 0xff;
        }

        int i32() throws Corrupt {
            need(4);
            int v = ((buf[pos] & 0xff) << 24)
                    | ((buf[pos + 1] & 0xff) << 16)
                    | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        long i64() throws Corrupt {
            return ((long) i32() << 32) | (i32() & 0xffffffffL);
        }

        boolean bool() throws Corrupt {
            int v = u8();
            if (v > 1) {
                throw new Corrupt("not a boolean at byte " + (pos - 1));
            }
            return v == 1;
        }

        /** A count of things that follow, each at least one byte long: bounded by what is left. */
        int count() throws Corrupt {
            int n = i32();
            if (n < 0 || n > end - pos) {
                throw new Corrupt("impossible count " + n + " at byte " + (pos - 4));
            }
            return n;
        }

        /** An index into a table of {@code size} entries, or -1 for none when {@code optional}. */
        int index(int size, boolean optional) throws Corrupt {
            int i = i32();
            if (i >= size || i < (optional ? -1 : 0)) {
                throw new Corrupt("index " + i + " out of range at byte " + (pos - 4));
            }
            return i;
        }

        String str() throws Corrupt {
            int n = i32();
            need(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** A nested block of {@code i32} length: its reader, and this one moved past it. */
        In block() throws Corrupt {
            int n = i32();
            need(n);
            In sub = new In(buf, pos, n);
            pos += n;
            return sub;
        }

        void expectEnd() throws Corrupt {
            if (pos != end) {
                throw new Corrupt((end - pos) + " bytes left over");
            }
        }
    }
}
