package cis.render;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a tree of maps, lists and scalars as block-style YAML: lists of maps as {@code - key: value}
 * items, every string double-quoted. Written here rather than by SnakeYAML's emitter, which writes
 * bidirectional overrides raw (YAML counts them printable): here anything a terminal could act on
 * is a {@code \\uXXXX} escape, as in the JSON output, and the text a YAML reader gets is the same.
 */
final class YamlWriter {
    private final PrintWriter out;

    private YamlWriter(PrintWriter out) {
        this.out = out;
    }

    static void write(Object tree, PrintWriter out) {
        YamlWriter w = new YamlWriter(out);
        Object v = unwrap(tree);
        if (v instanceof Collection<?> c && !c.isEmpty()) {
            c.forEach(item -> w.item(item, 0));
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            w.entries(m, 0, null);
        } else {
            out.print(scalar(v) + "\n");
        }
        out.flush();
    }

    /** One item of a top-level list, for a list written item by item. */
    static void item(Object item, PrintWriter out) {
        new YamlWriter(out).item(item, 0);
    }

    /** One list item at {@code indent}: a map's first entry shares the line of its dash. */
    private void item(Object item, int indent) {
        Object v = unwrap(item);
        String dash = " ".repeat(indent) + "- ";
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            entries(m, indent + 2, dash);
        } else if (v instanceof Collection<?> c && !c.isEmpty()) {
            Iterator<?> it = c.iterator();
            out.print(dash);
            item(it.next(), 0); // "- - a", then the rest under it
            it.forEachRemaining(rest -> item(rest, indent + 2));
        } else {
            out.print(dash + scalar(v) + "\n");
        }
    }

    /** A map's entries at {@code indent}; the first after {@code firstPrefix} when one is given. */
    private void entries(Map<?, ?> map, int indent, String firstPrefix) {
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String prefix = first && firstPrefix != null ? firstPrefix : " ".repeat(indent);
            first = false;
            String key = key(e.getKey().toString());
            Object v = unwrap(e.getValue());
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                out.print(prefix + key + ":\n");
                entries(m, indent + 2, null);
            } else if (v instanceof Collection<?> c && !c.isEmpty()) {
                out.print(prefix + key + ":\n");
                c.forEach(item -> item(item, indent)); // list items under a key stand at its indent
            } else {
                out.print(prefix + key + ": " + scalar(v) + "\n");
            }
        }
    }

    private static Object unwrap(Object v) {
        return v instanceof Optional<?> o ? o.orElse(null) : v;
    }

    private static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : quoted(k);
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Collection<?>) {
            return "[]";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        return quoted(v.toString());
    }

    /** A double-quoted YAML scalar; the escapes used are those YAML and JSON share. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (TreeWriter.mustEscape(c) || c == 0x85 || c == 0xfeff) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
