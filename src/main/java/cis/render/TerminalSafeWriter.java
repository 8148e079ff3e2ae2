package cis.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer for text bound for a terminal that no one styled on purpose, such as stderr: every
 * control character but newline and tab, and every bidirectional override, becomes a visible
 * stand-in ({@link Text#neutralize}), so text from a KB file, a path or an argument can never move
 * the cursor, retitle the window, plant a hyperlink or reverse a line.
 */
public final class TerminalSafeWriter extends FilterWriter {
    public TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (c == '\n' || c == '\t' || Text.isSafe((char) c)) {
            out.write(c);
        } else {
            out.write(Text.standIn((char) c));
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c != '\n' && c != '\t' && !Text.isSafe(c)) {
                out.write(buf, start, i - start);
                out.write(Text.standIn(c));
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
