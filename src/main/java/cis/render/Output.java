package cis.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where a command's result goes, in the format, colour and width the user and terminal chose, with
 * only the {@code fields} (columns, or JSON keys) the user chose, in their order (all when empty).
 */
public record Output(PrintWriter out, Format format, boolean header, boolean color, int width, List<String> fields) {

    public Output {
        fields = List.copyOf(fields);
    }

    public Output(PrintWriter out, Format format, boolean header, boolean color, int width) {
        this(out, format, header, color, width, List.of());
    }

    /** A field the answer does not have: says which it has. */
    public static final class UnknownField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownField(String field, Collection<String> known) {
            super("--fields: '" + Text.neutralize(field, false) + "' is not a field of this answer; its fields: "
                    + String.join(", ", known));
        }
    }

    /**
     * Prints answers as they come, in the chosen format: JSON or YAML items, cards, or rows (a
     * terminal table ends with the view's footer). Every command's output goes through here.
     * {@code flushEach} for a person typing input one line at a time.
     */
    public <T> void print(Iterator<T> items, View<T> view, boolean flushEach) {
        if (format.isTree()) {
            TreeWriter.Items tree = items(flushEach);
            while (items.hasNext()) {
                tree.item(select(view.tree(items.next())));
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
            Table shape = view.shape(format);
            int[] columns = columns(shape.headers());
            TableWriter.Stream rows = rows(select(shape, columns), flushEach);
            boolean any = false;
            while (items.hasNext()) {
                for (List<Cell> row : view.rows(items.next(), format)) {
                    rows.row(select(row, columns));
                    any = true;
                }
            }
            rows.close();
            if (format == Format.TABLE && any) {
                view.footer().ifPresent(f -> out.print(Style.DIM.apply(f, color) + "\n"));
            }
            out.flush();
        }
    }
    /** "Since", "since", "as_of" and "As of" name the same field. */
    private static String fieldKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The positions of the chosen fields among the headers (all of them, in order, when none are chosen). */
    private int[] columns(List<String> headers) {
        if (fields.isEmpty()) {
            return IntStream.range(0, headers.size()).toArray();
        }
        List<String> keys = headers.stream().map(Output::fieldKey).toList();
        int[] out = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            out[i] = keys.indexOf(fieldKey(fields.get(i)));
            if (out[i] < 0) {
                throw new UnknownField(fields.get(i), headers);
            }
        }
        return out;
    }

    private static Table select(Table shape, int[] columns) {
        List<String> headers =
                Arrays.stream(columns).mapToObj(shape.headers()::get).toList();
        List<Integer> wrap = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (shape.wrap().contains(columns[i])) {
                wrap.add(i);
            }
        }
        return new Table(headers, List.of(), wrap, shape.maxLines(), shape.drop());
    }

    private static List<Cell> select(List<Cell> row, int[] columns) {
        if (columns.length == row.size() && isIdentity(columns)) {
            return row;
        }
        return Arrays.stream(columns).mapToObj(row::get).toList();
    }

    private static boolean isIdentity(int[] columns) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** A JSON object with only the chosen keys, in their order. */
    private Object select(Object tree) {
        if (fields.isEmpty() || !(tree instanceof Map<?, ?> m)) {
            return tree;
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        m.forEach((k, v) -> keys.put(fieldKey(k.toString()), k));
        Map<Object, Object> out = new LinkedHashMap<>();
        for (String f : fields) {
            Object key = keys.get(fieldKey(f));
            if (key == null) {
                throw new UnknownField(
                        f, m.keySet().stream().map(Object::toString).toList());
            }
            out.put(key, m.get(key));
        }
        return out;
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
