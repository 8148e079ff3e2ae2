package cis.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bundle's container: a POSIX ustar archive, written and read here (no library), so that
 * {@code tar tzf} lists a bundle. The reader takes only what cis writes: regular files with plain
 * names. A link, a directory, a path ({@code ../x}, {@code /etc/x}, {@code a/b}), a long-name or pax
 * header, a damaged header or a file cut short is refused with the reason, before anything of it
 * is written anywhere.
 */
final class Tar {
    static final int BLOCK = 512;

    private Tar() {}

    /** A file name cis writes and reads: letters, digits, '.', '_', '-', not starting with '.'. */
    static boolean plainName(String name) {
        if (name.isEmpty() || name.length() > 100 || name.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Writes regular files, then the end of the archive. */
    static final class Writer {
        private final OutputStream out;
        private final long mtime;

        /** {@code mtime} (seconds) is the same for every file: the same KB makes the same bundle. */
        Writer(OutputStream out, long mtime) {
            this.out = out;
            this.mtime = mtime;
        }

        void add(String name, byte[] data) throws IOException {
            if (!plainName(name)) {
                throw new IllegalArgumentException("not a plain file name: " + name);
            }
            byte[] h = new byte[BLOCK];
            put(h, 0, 100, name.getBytes(StandardCharsets.US_ASCII));
            octal(h, 100, 8, 0644);
            octal(h, 108, 8, 0);
            octal(h, 116, 8, 0);
            octal(h, 124, 12, data.length);
            octal(h, 136, 12, mtime);
            Arrays.fill(h, 148, 156, (byte) ' ');
            h[156] = '0';
            put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
            put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
            put(h, 265, 32, "cis".getBytes(StandardCharsets.US_ASCII));
            put(h, 297, 32, "cis".getBytes(StandardCharsets.US_ASCII));
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            byte[] check = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
            put(h, 148, 6, check);
            h[154] = 0;
            h[155] = ' ';
            out.write(h);
            out.write(data);
            int pad = (BLOCK - data.length % BLOCK) % BLOCK;
            out.write(new byte[pad]);
        }

        /** Two empty blocks: the end of the archive. */
        void finish() throws IOException {
            out.write(new byte[2 * BLOCK]);
            out.flush();
        }

        private static void put(byte[] h, int at, int len, byte[] value) {
            System.arraycopy(value, 0, h, at, Math.min(len, value.length));
        }

        private static void octal(byte[] h, int at, int len, long value) {
            String s = Long.toOctalString(value);
            String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
            put(h, at, len - 1, padded.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** One file of the archive, and how many bytes it holds. */
    record Entry(String name, long size) {}

    /** Reads entries one at a time: {@link #next}, then {@link #body}. */
    static final class Reader {
        private final InputStream in;
        private long remaining;
        private int padding;
        private boolean ended;

        Reader(InputStream in) {
            this.in = in;
        }

        /** The next file; empty at the end of the archive. {@link Bad} for anything but a plain regular file. */
        Optional<Entry> next() throws IOException {
            skip(remaining + padding);
            remaining = 0;
            padding = 0;
            if (ended) {
                return Optional.empty();
            }
            byte[] h = new byte[BLOCK];
            if (!readBlock(h, true)) {
                throw new Bad("it ends without the end-of-archive blocks (truncated?)");
            }
            if (allZero(h)) {
                ended = true;
                return Optional.empty();
            }
            checkSum(h);
            String magic = new String(h, 257, 6, StandardCharsets.US_ASCII);
            if (!magic.equals("ustar\0") && !magic.equals("ustar ")) {
                throw new Bad("an entry header is not a ustar header");
            }
            String name = text(h, 0, 100);
            String prefix = text(h, 345, 155);
            String full = prefix.isEmpty() ? name : prefix + "/" + name;
            char type = (char) h[156];
            String shown = full.length() > 120 ? full.substring(0, 120) + "…" : full; // stderr shows controls safely
            switch (type) {
                case '0', '\0' -> {
                    // a regular file
                }
                case '1' -> throw new Bad("entry '" + shown + "' is a hard link");
                case '2' -> throw new Bad("entry '" + shown + "' is a symbolic link");
                case '5' -> throw new Bad("entry '" + shown + "' is a directory");
                case 'x', 'g' -> throw new Bad("entry '" + shown + "' is a pax header");
                case 'L', 'K' -> throw new Bad("entry '" + shown + "' is a GNU long-name header");
                default -> throw new Bad("entry '" + shown + "' is not a regular file (type " + type + ")");
            }
            if (full.startsWith("/") || full.contains("/") || full.contains("\\") || full.equals("..")) {
                throw new Bad("entry '" + shown + "' is a path, not a file name: it could write outside the bundle");
            }
            if (!plainName(full)) {
                throw new Bad("entry '" + shown + "' is not a plain file name");
            }
            long size = size(h);
            remaining = size;
            padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
            return Optional.of(new Entry(full, size));
        }

        /** The current entry's bytes, exactly its size (then end of stream). */
        InputStream body() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (remaining == 0) {
                        return -1;
                    }
                    int n = in.read(b, off, (int) Math.min(len, remaining));
                    if (n < 0) {
                        throw new Bad("it ends in the middle of a file (truncated?)");
                    }
                    remaining -= n;
                    return n;
                }
            };
        }

        /** After the end: nothing but zeros may follow (tar pads its last record). */
        void expectOnlyPadding() throws IOException {
            byte[] b = new byte[8192];
            for (int n; (n = in.read(b)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (b[i] != 0) {
                        throw new Bad("it has data after the end of the archive");
                    }
                }
            }
        }

        private void skip(long n) throws IOException {
            byte[] b = new byte[8192];
            while (n > 0) {
                int r = in.read(b, 0, (int) Math.min(b.length, n));
                if (r < 0) {
                    throw new Bad("it ends in the middle of a file (truncated?)");
                }
                n -= r;
            }
        }

        /** Fills a block; false at a clean end of stream before its first byte (when allowed). */
        private boolean readBlock(byte[] h, boolean endAllowed) throws IOException {
            int at = 0;
            while (at < h.length) {
                int n = in.read(h, at, h.length - at);
                if (n < 0) {
                    if (at == 0 && endAllowed) {
                        return false;
                    }
                    throw new Bad("it ends in the middle of a header (truncated?)");
                }
                at += n;
            }
            return true;
        }

        private static boolean allZero(byte[] h) {
            for (byte b : h) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static void checkSum(byte[] h) throws Bad {
            long sum = 0;
            for (int i = 0; i < h.length; i++) {
                sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
            }
            long stored;
            try {
                stored = Long.parseLong(text(h, 148, 8).strip(), 8);
            } catch (NumberFormatException e) {
                throw new Bad("an entry header has no checksum");
            }
            if (stored != sum) {
                throw new Bad("an entry header is damaged (checksum mismatch)");
            }
        }

        private static long size(byte[] h) throws Bad {
            if ((h[124] & 0x80) != 0) {
                throw new Bad("an entry is larger than any bundle file may be");
            }
            try {
                return Long.parseLong(text(h, 124, 12).strip(), 8);
            } catch (NumberFormatException e) {
                throw new Bad("an entry header has no size");
            }
        }

        /** A NUL-terminated field; bytes outside ASCII are kept so that names can be checked. */
        private static String text(byte[] h, int at, int len) {
            int end = at;
            while (end < at + len && h[end] != 0) {
                end++;
            }
            return new String(h, at, end - at, StandardCharsets.ISO_8859_1);
        }
    }

    /** The archive is not one cis writes (or it was cut short). */
    static final class Bad extends IOException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message);
        }
    }
}
