package cis.render;

import java.util.List;

/**
 * Rows for the row formats (table, plain, csv, tsv, markdown). {@code wrap} is the column that may
 * wrap on a narrow terminal (-1 for none).
 */
public record Table(List<String> headers, List<List<Cell>> rows, int wrap) {
    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + headers.size());
            }
        }
    }
}
