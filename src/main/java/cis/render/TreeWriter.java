package cis.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a tree of maps, lists and scalars as JSON or YAML with Jackson's streaming generators
 * (no databind, so nothing is loaded that start-up does not need). Maps keep their key order;
 * anything else (dates included) is written as its string form, so dates are ISO-8601; empty Optionals are nulls.
 */
public final class TreeWriter {
    private TreeWriter() {}

    public static void write(Object tree, Format format, PrintWriter out) {
        try {
            JsonGenerator g;
            if (format == Format.JSON) {
                g = new JsonFactory().createGenerator(new NonClosing(out));
                DefaultPrettyPrinter pp = new CompactEmpty();
                g.setPrettyPrinter(pp);
            } else if (format == Format.YAML) {
                g = YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .disable(YAMLGenerator.Feature.SPLIT_LINES)
                        .build().createGenerator(new NonClosing(out));
            } else {
                throw new IllegalArgumentException(format + " is not a tree format");
            }
            value(g, tree);
            g.close();
            if (format == Format.JSON) {
                out.print('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
