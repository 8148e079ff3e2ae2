package cis.render;

import java.io.PrintWriter;

/** Where a command's result goes, in the format, colour and width the user and terminal chose. */
public record Output(PrintWriter out, Format format, boolean header, boolean color, int width) {

    public void tree(Object data) {
        TreeWriter.write(data, format, out);
    }

    public void table(Table table) {
        TableWriter.write(table, format, out, header, color, width);
    }

    /** Rows written as they come, shaped like {@code shape}; {@code flushEachRow} for a person typing input. */
    public TableWriter.Stream rows(Table shape, boolean flushEachRow) {
        return TableWriter.open(shape, format, out, header, color, width, flushEachRow);
    }

    /**
     * On a terminal table, a last line naming the day the answer is for: "today" is the local
     * date, which differs across time zones near midnight (JSON and YAML carry it as asOf).
     */
    public void asOf(java.time.LocalDate day) {
        if (format == Format.TABLE) {
            out.print(cis.render.Style.DIM.apply("As of " + day, color) + "\n");
            out.flush();
        }
    }

    /** A JSON or YAML array written item by item. */
    public TreeWriter.Items items(boolean flushEachItem) {
        return TreeWriter.items(format, out, flushEachItem);
    }
}
