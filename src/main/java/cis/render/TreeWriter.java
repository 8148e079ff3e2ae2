package cis.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a tree of maps, lists and scalars as JSON (with Jackson's streaming generator: no
 * databind, so nothing is loaded that start-up does not need) or YAML ({@link YamlWriter}). Maps keep their key order;
 * anything else (dates included) is written as its string form, so dates are ISO-8601; empty Optionals are nulls.
 */
public final class TreeWriter {
    private TreeWriter() {}

    public static void write(Object tree, Format format, PrintWriter out) {
        if (format == Format.YAML) {
            YamlWriter.write(tree, out);
            return;
        }
        if (format != Format.JSON) {
            throw new IllegalArgumentException(format + " is not a tree format");
        }
        try {
            JsonGenerator g = generator(out);
            value(g, tree);
            g.close();
            out.print('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON or YAML array written item by item, for answers of any length: the same text as
     * {@link #write} of the whole list, without holding it.
     */
    public static final class Items {
        private final PrintWriter out;
        private final JsonGenerator json;
        private final boolean flushEachItem;
        private int count;

        private Items(Format format, PrintWriter out, boolean flushEachItem) throws IOException {
            this.out = out;
            this.flushEachItem = flushEachItem;
            if (format == Format.JSON) {
                json = generator(out);
                json.writeStartArray();
            } else if (format == Format.YAML) {
                json = null;
            } else {
                throw new IllegalArgumentException(format + " is not a tree format");
            }
        }

        public void item(Object item) {
            try {
                if (json != null) {
                    value(json, item);
                    if (flushEachItem) {
                        json.flush();
                    }
                } else {
                    YamlWriter.item(item, out);
                    if (flushEachItem) {
                        out.flush();
                    }
                }
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void close() {
            try {
                if (json != null) {
                    json.writeEndArray();
                    json.close();
                    out.print('\n');
                } else if (count == 0) {
                    out.print("[]\n");
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Items items(Format format, PrintWriter out, boolean flushEachItem) {
        try {
            return new Items(format, out, flushEachItem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator generator(PrintWriter out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(new NonClosing(out));
        g.setPrettyPrinter(new CompactEmpty());
        g.setCharacterEscapes(SafeEscapes.INSTANCE);
        return g;
    }

    /**
     * JSON's own escapes, plus every character a terminal could act on that JSON lets through raw:
     * DEL, the C1 controls, bidirectional overrides and isolates, and the line and paragraph
     * separators; so {@code cis ... --json} is safe to print, and {@code jq} reads the same text.
     */
    private static final class SafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final SafeEscapes INSTANCE = new SafeEscapes();
        private final int[] ascii = standardAsciiEscapesForJSON();

        private SafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xffff && mustEscape((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    /** Characters that JSON and YAML output write as {@code \\uXXXX} escapes, never raw. */
    static boolean mustEscape(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || Text.isBidiControl(c) || c == 0x2028 || c == 0x2029;
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Optional<?> o) {
            value(g, o.orElse(null));
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else {
            g.writeString(v.toString());
        }
    }

    /** Jackson's pretty printer, except that empty lists and objects print as [] and {}, not [ ] and { }. */
    private static final class CompactEmpty extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        CompactEmpty() {
            // two-space indents and "key": value, as people and jq write JSON
            _arrayIndenter = new DefaultIndenter("  ", "\n");
            _objectIndenter = new DefaultIndenter("  ", "\n");
            _objectFieldValueSeparatorWithSpaces = ": ";
        }

        CompactEmpty(CompactEmpty base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new CompactEmpty(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, nrOfValues);
            }
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw('}');
            } else {
                super.writeEndObject(g, nrOfEntries);
            }
        }
    }

    /** Lets the generator close its own stream without closing the command's writer. */
    private static final class NonClosing extends java.io.Writer {
        private final PrintWriter out;

        NonClosing(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            out.write(buf, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
