package cis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The names a command was given, in order: its arguments, with {@code -} standing for the lines of
 * stdin, read one at a time as they are needed, so that input of any length takes bounded memory.
 * Blank lines and {@code #} comments are skipped; a line longer than {@link #MAX_LINE} characters
 * is not kept whole (it is an input with an error), so one endless line cannot exhaust memory.
 */
final class Inputs implements Iterator<Inputs.Input> {
    static final int MAX_LINE = 4096;

    /** One input: its text (as given, or a line of stdin, stripped), or why it cannot be used. */
    record Input(String text, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private final Iterator<String> args;
    private final InputStream stdin;
    private final Deque<Input> ahead = new ArrayDeque<>();
    private Reader lines;
    private final char[] buf = new char[1 << 13];
    private int pos;
    private int limit;
    private long lineNumber;

    Inputs(List<String> args, InputStream stdin) {
        this.args = args.iterator();
        this.stdin = stdin;
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
            if (lines != null) {
                Input line = line();
                if (line != null) {
                    return line;
                }
                lines = null;
            }
            if (!args.hasNext()) {
                return null;
            }
            String arg = args.next();
            if (!arg.equals("-")) {
                return new Input(arg, null);
            }
            lines = new InputStreamReader(stdin, StandardCharsets.UTF_8);
        }
    }

    /** The next character of stdin, or -1 at its end (read in blocks: stdin may hold millions of lines). */
    private int nextChar() throws IOException {
        if (pos == limit) {
            limit = lines.read(buf, 0, buf.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

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
                    return new Input(
                            b.substring(0, 40) + "…",
                            "line " + lineNumber + " of stdin is longer than " + MAX_LINE + " characters");
                }
                String l = b.toString().strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    return new Input(l, null);
                }
                if (c < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
