package cis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names a command was given, in order: its arguments, with {@code -} standing for stdin, read
 * one record at a time as it is needed, so that input of any length takes bounded memory. Stdin is
 * lines ({@code NAME}, or {@code NAME<TAB>DATE} to answer as of that day; blank lines and
 * {@code #} comments skipped) or, with {@code --input csv}, a CSV file with a header row. A record
 * longer than {@link #MAX_LINE} characters is not kept whole (it is an input with an error), so one
 * endless line cannot exhaust memory.
 */
final class Inputs implements Iterator<Inputs.Input> {
    static final int MAX_LINE = 4096;

    /** One input: its text (as given, stripped), its own day if it names one, or why it cannot be used. */
    record Input(String text, Optional<LocalDate> day, String problem) {
        static Input of(String text) {
            return new Input(text, Optional.empty(), null);
        }

        boolean ok() {
            return problem == null;
        }
    }

    /** How stdin is read: its format, the columns to take from a CSV, and how a DATE is read. */
    record Format(
            boolean csv, Optional<String> nameColumn, Optional<String> dateColumn, Function<String, LocalDate> dates) {
        static Format lines(Function<String, LocalDate> dates) {
            return new Format(false, Optional.empty(), Optional.empty(), dates);
        }
    }

    private final Iterator<String> args;
    private final InputStream stdin;
    private final Format format;
    private final Deque<Input> ahead = new ArrayDeque<>();
    private Reader reader;
    private final char[] buf = new char[1 << 13];
    private int pos;
    private int limit;
    private long lineNumber;
    private int nameAt = -1;
    private int dateAt = -1;

    Inputs(List<String> args, InputStream stdin, Format format) {
        this.args = args.iterator();
        this.stdin = stdin;
        this.format = format;
    }

    /** Whether there is exactly one input (reads at most two ahead). */
    boolean single() {
        fill(2);
        return ahead.size() == 1;
    }

    @Override
    public boolean hasNext() {
        fill(1);
        return !ahead.isEmpty();
    }

    @Override
    public Input next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ahead.removeFirst();
    }

    private void fill(int n) {
        while (ahead.size() < n) {
            Input in = read();
            if (in == null) {
                return;
            }
            ahead.addLast(in);
        }
    }

    /** The next input, or null at the end. */
    private Input read() {
        while (true) {
            if (reader != null) {
                Input record = format.csv() ? csvRecord() : line();
                if (record != null) {
                    return record;
                }
                reader = null;
            }
            if (!args.hasNext()) {
                return null;
            }
            String arg = args.next();
            if (!arg.equals("-")) {
                return Input.of(arg);
            }
            reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
        }
    }

    /** The next character of stdin, or -1 at its end (read in blocks: stdin may hold millions of lines). */
    private int nextChar() throws IOException {
        if (pos == limit) {
            limit = reader.read(buf, 0, buf.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    // ---- lines: NAME, or NAME<TAB>DATE ----

    /** The next usable line of stdin, or null at its end. */
    private Input line() {
        try {
            while (true) {
                StringBuilder b = new StringBuilder();
                boolean tooLong = false;
                int c;
                while ((c = nextChar()) >= 0 && c != '\n') {
                    if (b.length() < MAX_LINE) {
                        b.append((char) c);
                    } else {
                        tooLong = true; // read on to the line's end, keeping nothing
                    }
                }
                if (c < 0 && b.length() == 0 && !tooLong) {
                    return null;
                }
                lineNumber++;
                if (tooLong) {
                    return tooLong(b);
                }
                String l = b.toString().strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    int tab = l.indexOf('\t');
                    return tab < 0
                            ? Input.of(l)
                            : dated(
                                    l.substring(0, tab).strip(),
                                    l.substring(tab + 1).strip());
                }
                if (c < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Input tooLong(CharSequence start) {
        return new Input(
                start.subSequence(0, Math.min(40, start.length())) + "…",
                Optional.empty(),
                "line " + lineNumber + " of stdin is longer than " + MAX_LINE + " characters");
    }

    /** A name answered as of its own day; a day that is not a date is that input's error. */
    private Input dated(String name, String date) {
        if (date.isEmpty()) {
            return Input.of(name);
        }
        try {
            return new Input(name, Optional.of(format.dates().apply(date)), null);
        } catch (RuntimeException e) {
            return new Input(name, Optional.empty(), "line " + lineNumber + ": " + e.getMessage());
        }
    }

    // ---- CSV (RFC 4180): a header row, then records ----

    /** The next record with a name, or null at the end of stdin. */
    private Input csvRecord() {
        try {
            while (true) {
                List<String> fields = new ArrayList<>();
                boolean tooLong = csvFields(fields);
                if (fields.isEmpty()) {
                    return null;
                }
                lineNumber++;
                if (tooLong) {
                    return tooLong(String.join(",", fields));
                }
                if (nameAt < 0) {
                    header(fields); // the first record names the columns
                    continue;
                }
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                String name = nameAt < fields.size() ? fields.get(nameAt).strip() : "";
                String date = dateAt >= 0 && dateAt < fields.size()
                        ? fields.get(dateAt).strip()
                        : "";
                if (name.isEmpty()) {
                    return new Input("", Optional.empty(), "record " + lineNumber + " of the CSV has no name");
                }
                return dated(name, date);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name column: the one given, else the first of name, state, country, else the first
     * column; the date column: the one given, else the first of date, as_of, asof, day, if any.
     */
    private void header(List<String> fields) {
        List<String> names =
                fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        nameAt = format.nameColumn()
                .map(c -> column(names, c, "--name-column"))
                .orElseGet(
                        () -> first(names, List.of("name", "state", "country")).orElse(0));
        dateAt = format.dateColumn()
                .map(c -> column(names, c, "--date-column"))
                .orElseGet(() ->
                        first(names, List.of("date", "as_of", "asof", "day")).orElse(-1));
    }

    private static int column(List<String> names, String wanted, String option) {
        int i = names.indexOf(wanted.strip().toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw CliException.usage(
                    option + ": the CSV has no column '" + Lookups.shown(wanted) + "'",
                    "Its columns: "
                            + String.join(
                                    ", ", names.stream().map(Lookups::shown).toList()) + ".");
        }
        return i;
    }

    private static Optional<Integer> first(List<String> names, List<String> candidates) {
        return candidates.stream().filter(names::contains).findFirst().map(names::indexOf);
    }

    /** Reads one CSV record into {@code fields}; true when it ran past {@link #MAX_LINE} characters. */
    private boolean csvFields(List<String> fields) throws IOException {
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = nextChar()) >= 0) {
            any = true;
            if (++length > MAX_LINE) {
                while (c >= 0 && (c != '\n' || quoted)) { // skip to the record's end
                    if (c == '"') {
                        quoted = !quoted;
                    }
                    c = nextChar();
                }
                fields.add(field.toString());
                return true;
            }
            if (quoted) {
                if (c == '"') {
                    int d = nextChar();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (d < 0) {
                            break;
                        }
                        c = d;
                    }
                } else {
                    field.append((char) c);
                    continue;
                }
                if (quoted) {
                    continue;
                }
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (any) {
            fields.add(field.toString());
        }
        return false;
    }
}
