package cis.render;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that rewrites its text a line at a time: each line, once its newline comes (or at a
 * flush, what there is of it), goes through {@link #line} on its way out.
 */
public abstract class LineWriter extends Writer {
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    protected LineWriter(Writer out) {
        this.out = out;
    }

    /** What to write for one line of text, given without its newline. */
    protected abstract String line(String text);

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                emit();
                out.write('\n');
            } else {
                line.append(c);
            }
        }
    }

    private void emit() throws IOException {
        String text = line.toString();
        line.setLength(0);
        out.write(line(text));
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
