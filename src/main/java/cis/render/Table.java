package cis.render;

import java.util.List;

/**
 * Rows for the row formats (table, plain, csv, tsv, markdown). {@code wrap} lists the columns whose
 * text may wrap onto more lines when the table is wider than the terminal.
 */
public record Table(List<String> headers, List<List<Cell>> rows, List<Integer> wrap, int maxLines) {
    /** A table with one wrapping column, or none when {@code wrap} is -1. */
    public Table(List<String> headers, List<List<Cell>> rows, int wrap) {
        this(headers, rows, wrap < 0 ? List.of() : List.of(wrap));
    }

    public Table(List<String> headers, List<List<Cell>> rows, List<Integer> wrap) {
        this(headers, rows, wrap, 0);
    }

    /** The same table, with wrapped cells cut to {@code lines} lines on a terminal (the rest as "…"). */
    public Table withMaxLines(int lines) {
        return new Table(headers, rows, wrap, lines);
    }

    public Table {
        wrap = List.copyOf(wrap);
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + headers.size());
            }
        }
    }
}
