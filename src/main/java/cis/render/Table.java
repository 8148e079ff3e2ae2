package cis.render;

import java.util.List;

/**
 * Rows for the row formats (table, plain, csv, tsv, markdown). On a terminal that is narrower than
 * the table, {@code wrap} lists the columns whose text may wrap onto more lines (cut to
 * {@code maxLines} when that is not 0), and {@code drop} names the columns (by header) that may be
 * left out, the least important first. Names, not positions: the drop list holds whatever columns
 * --fields keeps or a batch puts in front.
 */
public record Table(List<String> headers, List<List<Cell>> rows, List<Integer> wrap, int maxLines, List<String> drop) {
    /** A table with one wrapping column, or none when {@code wrap} is -1. */
    public Table(List<String> headers, List<List<Cell>> rows, int wrap) {
        this(headers, rows, wrap < 0 ? List.of() : List.of(wrap));
    }

    public Table(List<String> headers, List<List<Cell>> rows, List<Integer> wrap) {
        this(headers, rows, wrap, 0, List.of());
    }

    public Table(List<String> headers, List<List<Cell>> rows, List<Integer> wrap, int maxLines) {
        this(headers, rows, wrap, maxLines, List.of());
    }

    /** The same table, with wrapped cells cut to {@code lines} lines on a terminal (the rest as "…"). */
    public Table withMaxLines(int lines) {
        return new Table(headers, rows, wrap, lines, drop);
    }

    /** The same table, whose columns headed {@code columns} may be left out on a narrow terminal, in this order. */
    public Table withDrop(String... columns) {
        return new Table(headers, rows, wrap, maxLines, List.of(columns));
    }

    public Table {
        wrap = List.copyOf(wrap);
        drop = List.copyOf(drop);
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + headers.size());
            }
        }
    }
}
