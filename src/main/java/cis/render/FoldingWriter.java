package cis.render;

import java.io.Writer;

/**
 * Folds lines wider than a terminal at spaces, keeping (some of) their indentation: for help text,
 * which picocli cannot lay out narrower than 55 columns, and any line it leaves too long.
 */
public final class FoldingWriter extends LineWriter {
    /** Continuation lines keep at most this much of the line's indentation, so that text has room. */
    private static final int MAX_INDENT = 8;

    /** In a holder: every run makes a FoldingWriter, and only help and --version print through it. */
    private static final class AnsiStyle {
        static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile("\u001b\\[[0-9;]*m");
    }

    private final int width;

    public FoldingWriter(Writer out, int width) {
        super(out);
        this.width = width;
    }

    @Override
    protected String line(String s) {
        String plain = s.indexOf('\u001b') < 0
                ? s
                : AnsiStyle.PATTERN.matcher(s).replaceAll(""); // picocli's own colours take no room
        // a folded line loses its colours rather than splitting an escape sequence
        return Text.width(plain) <= width ? s : String.join("\n", fold(plain, width));
    }

    /**
     * A line cut at spaces into lines of at most {@code width} columns: the first keeps its
     * indentation, the others are indented two more (within limits), so they read as its continuation.
     */
    public static java.util.List<String> fold(String s, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int leading = 0;
        while (leading < s.length() && s.charAt(leading) == ' ') {
            leading++;
        }
        String rest = " ".repeat(Math.min(leading + 2, Math.min(MAX_INDENT, width / 4)));
        String cur = s;
        int start = leading; // no cut inside the indentation
        while (Text.width(cur) > width) {
            int fits = 0; // the longest prefix within the width
            while (fits < cur.length() && Text.width(cur.substring(0, fits + 1)) <= width) {
                fits++;
            }
            int cut = cur.lastIndexOf(' ', fits);
            if (cut <= start) {
                cut = Math.max(fits, start + 1); // one long word: cut it
            }
            lines.add(cur.substring(0, cut).stripTrailing());
            cur = rest + cur.substring(cut).stripLeading();
            start = rest.length();
        }
        lines.add(cur);
        return lines;
    }
}
