package cis.shell;

import java.io.IOException;
import java.io.Writer;

/** Rewrites a prefix at the start of each line (for the shell's "cis: line 3: …" messages). */
final class LineTagWriter extends Writer {
    private final Writer out;
    private final String from;
    private final String to;
    private final StringBuilder line = new StringBuilder();

    LineTagWriter(Writer out, String from, String to) {
        this.out = out;
        this.from = from;
        this.to = to;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.append(buf[i]);
            if (buf[i] == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        String l = line.toString();
        out.write(l.startsWith(from) ? to + l.substring(from.length()) : l);
        line.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        if (line.length() > 0) {
            emit();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
