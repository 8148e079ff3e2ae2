package cis.render;

import java.io.PrintWriter;
import java.util.Iterator;

/** Where a command's result goes, in the format, colour and width the user and terminal chose. */
public record Output(PrintWriter out, Format format, boolean header, boolean color, int width) {

    /**
     * Prints answers as they come, in the chosen format: JSON or YAML items, cards, or rows (a
     * terminal table ends with the view's footer). Every command's output goes through here.
     * {@code flushEach} for a person typing input one line at a time.
     */
    public <T> void print(Iterator<T> items, View<T> view, boolean flushEach) {
        if (format.isTree()) {
            TreeWriter.Items tree = items(flushEach);
            while (items.hasNext()) {
                tree.item(view.tree(items.next()));
            }
            tree.close();
        } else if (view.cards(format)) {
            boolean first = true;
            while (items.hasNext()) {
                T item = items.next();
                if (!first) {
                    out.print(view.cardSeparator());
                }
                view.card(item, this);
                first = false;
            }
            out.flush();
        } else {
            TableWriter.Stream rows = rows(view.shape(format), flushEach);
            while (items.hasNext()) {
                view.rows(items.next(), format).forEach(rows::row);
            }
            rows.close();
            if (format == Format.TABLE) {
                view.footer().ifPresent(f -> out.print(Style.DIM.apply(f, color) + "\n"));
            }
            out.flush();
        }
    }
    /** Prints a whole answer (see {@link #print(Iterator, View, boolean)}). */
    public <T> void print(Iterable<T> items, View<T> view) {
        print(items.iterator(), view, false);
    }

    /** Rows written as they come, shaped like {@code shape}; {@code flushEachRow} for a person typing input. */
    public TableWriter.Stream rows(Table shape, boolean flushEachRow) {
        return TableWriter.open(shape, format, out, header, color, width, flushEachRow);
    }

    /** A JSON or YAML array written item by item. */
    public TreeWriter.Items items(boolean flushEachItem) {
        return TreeWriter.items(format, out, flushEachItem);
    }
}
