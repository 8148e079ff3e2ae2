package cis.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a {@link Table} as an aligned terminal table, plain text, TSV, CSV or Markdown. */
public final class TableWriter {
    private static final String GAP = "  ";

    private TableWriter() {}

    /**
     * Writes a whole table in a row format.
     *
     * @param header whether to print the header row (plain never has one, markdown always)
     * @param color  whether ANSI styles may be used (only ever for {@link Format#TABLE})
     * @param width  the terminal width the table should fit
     */
    public static void write(Table t, Format format, PrintWriter out, boolean header, boolean color, int width) {
        switch (format) {
            case TABLE -> table(t, out, header, color, width);
            case PLAIN -> separated(t, out, false);
            case TSV -> separated(t, out, header);
            case CSV -> csv(t, out, header);
            case MARKDOWN -> markdown(t, out);
            default -> throw new IllegalArgumentException(format + " is not a row format");
        }
        out.flush();
    }

    /** Rows for the table format are aligned in blocks of at most this many: memory stays bounded. */
    public static final int BLOCK = 1000;

    /**
     * A writer of rows as they come, for input of any length. The separated formats write each row
     * at once; the table format aligns blocks of up to {@link #BLOCK} rows (the header before the
     * first), so a short answer looks as {@link #write} makes it and a long one never piles up.
     */
    public static final class Stream {
        private final Table shape;
        private final Format format;
        private final PrintWriter out;
        private final boolean header;
        private final boolean color;
        private final int width;
        private final boolean flushEachRow;
        private final List<List<Cell>> block = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private char[] chars = new char[256];
        private boolean started;

        private Stream(
                Table shape,
                Format format,
                PrintWriter out,
                boolean header,
                boolean color,
                int width,
                boolean flushEachRow) {
            this.shape = shape;
            this.format = format;
            this.out = out;
            this.header = header;
            this.color = color;
            this.width = width;
            this.flushEachRow = flushEachRow;
        }

        public void row(List<Cell> row) {
            if (row.size() != shape.headers().size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header "
                        + shape.headers().size());
            }
            if (format == Format.TABLE) {
                block.add(row);
                if (block.size() == BLOCK || flushEachRow) {
                    writeBlock();
                }
                return;
            }
            start();
            switch (format) {
                case PLAIN, TSV -> {
                    // a row into one buffer, then one write: a pipeline writes millions of these rows
                    line.setLength(0);
                    for (int i = 0; i < row.size(); i++) {
                        if (i > 0) {
                            line.append('\t');
                        }
                        line.append(tsvEscape(row.get(i).text()));
                    }
                    line.append('\n');
                    if (chars.length < line.length()) {
                        chars = new char[line.length() * 2];
                    }
                    line.getChars(0, line.length(), chars, 0);
                    out.write(chars, 0, line.length());
                }
                case CSV -> line(out, row.stream().map(c -> csvField(c.text())).toList(), ",", "\r\n");
                case MARKDOWN ->
                    line(out, row.stream().map(c -> mdEscape(c.text())).toList(), " | ", " |\n", "| ");
                default -> throw new IllegalArgumentException(format + " is not a row format");
            }
            if (flushEachRow) {
                out.flush();
            }
        }

        /**
         * Writes what is left: in the separated formats the header alone when there were no rows; on
         * a terminal nothing, as a bare header reads like a failure (the command says why it is empty).
         */
        public void close() {
            if (format == Format.TABLE) {
                if (!block.isEmpty()) {
                    writeBlock();
                }
            } else {
                start();
            }
            out.flush();
        }

        private void writeBlock() {
            table(
                    new Table(shape.headers(), block, shape.wrap(), shape.maxLines(), shape.drop()),
                    out,
                    header && !started,
                    color,
                    width);
            started = true;
            block.clear();
            out.flush();
        }

        /** The header of the separated formats, before the first row. */
        private void start() {
            if (started) {
                return;
            }
            started = true;
            Table empty = new Table(shape.headers(), List.of(), shape.wrap(), shape.maxLines());
            switch (format) {
                case TSV -> separated(empty, out, header);
                case CSV -> csv(empty, out, header);
                case MARKDOWN -> markdown(empty, out);
                default -> {
                    // plain has no header
                }
            }
        }
    }

    /** A stream of rows shaped like {@code shape} (its headers, wrapping columns and line limit). */
    public static Stream open(
            Table shape,
            Format format,
            PrintWriter out,
            boolean header,
            boolean color,
            int width,
            boolean flushEachRow) {
        return new Stream(shape, format, out, header, color, width, flushEachRow);
    }

    private static void table(Table t, PrintWriter out, boolean header, boolean color, int width) {
        int n = t.headers().size();
        List<String> heads =
                t.headers().stream().map(h -> h.toUpperCase(Locale.ROOT)).toList();
        List<List<String>> texts = new ArrayList<>();
        for (List<Cell> row : t.rows()) {
            texts.add(row.stream().map(c -> Text.neutralize(c.text(), true)).toList());
        }
        List<Layout.Column> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int headWidth = header ? Text.width(heads.get(i)) : 0;
            int natural = headWidth;
            int longestWord = 0;
            boolean wraps = t.wrap().contains(i);
            for (List<String> row : texts) {
                for (String line : row.get(i).split("\n", -1)) {
                    natural = Math.max(natural, Text.width(line));
                    if (wraps) {
                        for (String word : line.split(" ", -1)) {
                            longestWord = Math.max(longestWord, Text.width(word));
                        }
                    }
                }
            }
            columns.add(new Layout.Column(
                    natural,
                    headWidth,
                    longestWord,
                    wraps,
                    !t.wrap().isEmpty() && t.wrap().get(0) == i));
        }
        List<Integer> droppable = new ArrayList<>();
        for (String name : t.drop()) {
            int i = t.headers().indexOf(name);
            if (i >= 0) {
                droppable.add(i);
            }
        }
        Layout layout = Layout.fit(columns, droppable, GAP.length(), width);
        int last = n - 1;
        while (last > 0 && !layout.shown(last)) {
            last--;
        }
        if (header) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (layout.shown(i)) {
                    String head = Text.truncate(heads.get(i), layout.width(i));
                    String padded = i == last ? head : Text.pad(head, layout.width(i));
                    cells.add(styleText(padded, head, Style.BOLD, color));
                }
            }
            out.print(String.join(GAP, cells).stripTrailing());
            out.print('\n');
        }
        for (int r = 0; r < texts.size(); r++) {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < n; i++) {
                List<String> cellLines = List.of();
                int w = layout.width(i);
                if (!layout.shown(i)) {
                    // left out on this terminal
                } else if (t.wrap().contains(i)) {
                    cellLines = cut(Text.wrap(texts.get(r).get(i), w), t.maxLines(), w);
                } else {
                    cellLines = new ArrayList<>();
                    for (String line : texts.get(r).get(i).split("\n", -1)) {
                        cellLines.add(Text.truncate(line, w));
                    }
                }
                lines.add(cellLines);
                height = Math.max(height, cellLines.size());
            }
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    if (!layout.shown(i)) {
                        continue;
                    }
                    String text = l < lines.get(i).size() ? lines.get(i).get(l) : "";
                    String padded = i == last ? text : Text.pad(text, layout.width(i));
                    Style style = t.rows().get(r).get(i).style();
                    line.append(style == Style.NONE ? padded : styleText(padded, text, style, color));
                    if (i < last) {
                        line.append(GAP);
                    }
                }
                out.print(line.toString().stripTrailing());
                out.print('\n');
            }
        }
    }

    /** Keeps the first {@code max} lines (all when 0), ending the last kept one with "…" if any were cut. */
    private static List<String> cut(List<String> lines, int max, int width) {
        if (max <= 0 || lines.size() <= max) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, max));
        String last = kept.get(max - 1);
        while (Text.width(last) + 1 > width && !last.isEmpty()) {
            last = last.substring(0, last.length() - 1);
        }
        kept.set(max - 1, last.stripTrailing() + "…");
        return kept;
    }

    /** Styles only the text, not its padding, so underlines and backgrounds stay tidy. */
    private static String styleText(String padded, String text, Style style, boolean color) {
        return style.apply(text, color) + padded.substring(text.length());
    }

    /** Tab-separated; tabs, newlines and backslashes in cells are escaped so each row stays one line. */
    private static void separated(Table t, PrintWriter out, boolean header) {
        if (header) {
            line(out, t.headers().stream().map(TableWriter::tsvEscape).toList(), "\t", "\n");
        }
        for (List<Cell> row : t.rows()) {
            line(out, row.stream().map(c -> tsvEscape(c.text())).toList(), "\t", "\n");
        }
    }

    static String tsvEscape(String s) {
        if (plain(s)) {
            return s; // nearly every cell: one scan, no copies
        }
        String e = s.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
        return Text.neutralize(e, false);
    }

    /** Whether a cell needs no escaping in any format: no backslash and only characters safe on a terminal. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || !Text.isSafe(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4180: CRLF line ends, fields quoted when needed, and formula-looking cells defused. */
    private static void csv(Table t, PrintWriter out, boolean header) {
        if (header) {
            line(out, t.headers().stream().map(TableWriter::csvField).toList(), ",", "\r\n");
        }
        for (List<Cell> row : t.rows()) {
            line(out, row.stream().map(c -> csvField(c.text())).toList(), ",", "\r\n");
        }
    }

    static String csvField(String s) {
        String v = Text.neutralize(s, true);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // a spreadsheet would run "=HYPERLINK(…)" as a formula (CSV injection)
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(s)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static void markdown(Table t, PrintWriter out) {
        line(out, t.headers().stream().map(TableWriter::mdEscape).toList(), " | ", " |\n", "| ");
        line(out, t.headers().stream().map(h -> "---").toList(), " | ", " |\n", "| ");
        for (List<Cell> row : t.rows()) {
            line(out, row.stream().map(c -> mdEscape(c.text())).toList(), " | ", " |\n", "| ");
        }
    }

    static String mdEscape(String s) {
        String e = s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
        return Text.neutralize(e, false);
    }

    private static void line(PrintWriter out, List<String> cells, String sep, String end) {
        line(out, cells, sep, end, "");
    }

    private static void line(PrintWriter out, List<String> cells, String sep, String end, String start) {
        out.print(start);
        out.print(String.join(sep, cells));
        out.print(end);
    }
}
