package cis.shell;

import cis.render.LineWriter;
import java.io.Writer;

/** Rewrites a prefix at the start of each line (for the shell's "cis: line 3: …" messages). */
final class LineTagWriter extends LineWriter {
    private final String from;
    private final String to;

    LineTagWriter(Writer out, String from, String to) {
        super(out);
        this.from = from;
        this.to = to;
    }

    @Override
    protected String line(String text) {
        return text.startsWith(from) ? to + text.substring(from.length()) : text;
    }
}
