package cis.render;

/** Makes text from the KB safe to print: no terminal escapes, no spreadsheet formulas. */
public final class Text {
    private Text() {}

    /**
     * Replaces control characters (which could move the cursor, recolour or retitle a terminal) and
     * bidirectional overrides with visible stand-ins. Newlines are kept only if {@code keepNewlines}.
     */
    public static String neutralize(String s, boolean keepNewlines) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean replace = !isSafe(c) && !(c == '\n' && keepNewlines);
            if (replace) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(standIn(c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Whether a character is harmless on a terminal: not a C0 or C1 control or DEL (which could
     * move the cursor, recolour or retitle a terminal), not a bidirectional override or isolate.
     */
    public static boolean isSafe(char c) {
        return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && !isBidiControl(c);
    }

    /** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
    public static boolean isBidiControl(char c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A visible stand-in for an unsafe character: a control picture (␛, ␇, ␡) or U+FFFD. */
    static char standIn(char c) {
        if (c < 0x20) {
            return (char) (0x2400 + c);
        }
        return c == 0x7f ? '\u2421' : '\uFFFD';
    }

    /** Display width in terminal columns: combining marks take none, wide East Asian letters two. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            w += isWide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f)
                || (cp >= 0x2e80 && cp <= 0xa4cf)
                || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff)
                || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f300 && cp <= 0x1faff)
                || (cp >= 0x20000 && cp <= 0x3fffd);
    }

    /** Wraps text at spaces to lines of at most {@code width} columns (long words are cut). */
    @SuppressWarnings("StringSplitter") // split's dropping of trailing empty strings is wanted: spaces are no words
    public static java.util.List<String> wrap(String s, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String paragraph : s.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                while (width(word) > width) { // even a URL: a line wider than the terminal breaks worse
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    int cut = cutAt(word, width);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                if (line.length() > 0 && width(line.toString()) + 1 + width(word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static int cutAt(String word, int width) {
        int i = 0;
        int w = 0;
        while (i < word.length()) {
            int cp = word.codePointAt(i);
            int cw = width(new String(Character.toChars(cp)));
            if (w + cw > width) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return Math.max(i, Character.charCount(word.codePointAt(0)));
    }

    /** The text cut to at most {@code width} columns, ending in "…" when anything was cut. */
    public static String truncate(String s, int width) {
        if (width(s) <= width) {
            return s;
        }
        int end = 0;
        int used = 0;
        while (end < s.length()) { // the longest prefix that leaves one column for the "…"
            int cp = s.codePointAt(end);
            int cw = width(new String(Character.toChars(cp)));
            if (used + cw > width - 1) {
                break;
            }
            used += cw;
            end += Character.charCount(cp);
        }
        return width <= 0 ? "" : s.substring(0, end).stripTrailing() + "…";
    }

    public static String pad(String s, int width) {
        int missing = width - width(s);
        return missing <= 0 ? s : s + " ".repeat(missing);
    }
}
