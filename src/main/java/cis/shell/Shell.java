package cis.shell;

import cis.cli.CisCommand;
import cis.cli.CliContext;
import cis.cli.ExitCode;
import cis.cli.Prompt;
import cis.store.KbStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code cis shell}: runs cis command lines without the {@code cis} prefix, on one knowledge base
 * loaded once. Interactive on a terminal (JLine: completion, history, Ctrl-C cancels the line,
 * Ctrl-D leaves); line by line, without prompts, when stdin is a pipe or a file.
 */
public final class Shell {
    static final String PROMPT = "cis> ";
    /** Held so that its level stays set (java.util.logging keeps loggers only weakly). */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    private final CliContext context;
    private final KbStore store;
    private final boolean stopOnError;

    /** A shell whose commands share {@code store}, so that the KB is loaded once. */
    public Shell(CliContext context, Optional<Path> data, KbStore store) {
        this(context, data, store, false);
    }

    /** A shell that, reading a script, stops at its first failing line when {@code stopOnError}. */
    public Shell(CliContext context, Optional<Path> data, KbStore store, boolean stopOnError) {
        this.context = data.map(d -> context.withEnv("CIS_DATA", d.toString())).orElse(context);
        this.store = store;
        this.stopOnError = stopOnError;
    }

    public int run() {
        if (!context.stdinIsTerminal()) {
            return batch();
        }
        try (Terminal terminal =
                TerminalBuilder.builder().name("cis").system(true).build()) {
            return interactive(terminal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One command a line from stdin; blank lines and # comments are skipped. Returns the last exit code. */
    int batch() {
        DefaultParser parser = new DefaultParser();
        int first = ExitCode.OK;
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
            int number = 0;
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                List<String> words = words(parser, l);
                if (isExit(words)) {
                    break;
                }
                // errors name the line they come from: "cis: line 3: no state matches 'Atlantis'"
                PrintWriter err =
                        new PrintWriter(new LineTagWriter(context.err(), "cis: ", "cis: line " + number + ": "));
                int code = execute(
                        words,
                        context.withOutput(context.out(), err, context.stdoutIsTerminal(), context.terminalWidth())
                                .withHeight(0));
                err.flush();
                if (code != ExitCode.OK && first == ExitCode.OK) {
                    first = code;
                }
                if (code != ExitCode.OK && stopOnError) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return first;
    }

    /** The prompt loop on a terminal; package-private so tests can drive it with a virtual terminal. */
    int interactive(Terminal terminal) {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("cis")
                .completer(new ShellCompleter())
                .parser(new DefaultParser())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        JLINE_LOG.setLevel(Level.OFF); // JLine logs I/O trouble with stack traces; the shell says it once
        historyFile(terminal.writer()).ifPresent(f -> builder.variable(LineReader.HISTORY_FILE, f));
        LineReader reader = builder.build();
        PrintWriter out = terminal.writer();
        for (String line : cis.render.Text.wrap(
                "cis shell: type a command such as 'status Turkmenistan', 'help' for the list, TAB to complete, "
                        + "'exit' or Ctrl-D to leave.",
                Math.max(20, terminal.getWidth() > 0 ? terminal.getWidth() : 80))) {
            out.println(line);
        }
        out.flush();
        int last = 0;
        while (true) {
            try {
                reader.readLine(PROMPT); // the words come from the parsed line
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line, not the shell
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = reader.getParsedLine().words().stream()
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (words.isEmpty()) {
                continue;
            }
            if (isExit(words)) {
                break;
            }
            // no pager inside the shell: the prompt is the place to scroll from
            CliContext lineContext = context.withOutput(out, out, true, Math.max(20, terminal.getWidth()))
                    .withHeight(0);
            last = execute(words, lineContext);
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("cis: could not save the history: " + e.getMessage());
        }
        out.flush();
        return last;
    }

    private int execute(List<String> words, CliContext ctx) {
        List<String> args = new ArrayList<>(words);
        if (!args.isEmpty() && args.get(0).equals("cis")) {
            args.remove(0); // people type it out of habit
        }
        if (!args.isEmpty() && args.get(0).equals("shell")) {
            ctx.err().print("cis: already in the shell\n");
            ctx.err().flush();
            return ExitCode.USAGE;
        }
        return CisCommand.execute(args.toArray(String[]::new), ctx, store, Prompt.NONE);
    }

    private static boolean isExit(List<String> words) {
        return words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"));
    }

    private static List<String> words(DefaultParser parser, String line) {
        return parser.parse(line, line.length()).words().stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * {@code $XDG_STATE_HOME/cis/history} (else {@code ~/.local/state/cis/history}), made private
     * (directory 0700, file 0600) when it is new. When it cannot be used as it is (a directory, not
     * writable, not a history this shell wrote), the shell runs without history, says so once on
     * {@code warn}, and leaves the file as it is.
     */
    Optional<Path> historyFile(PrintWriter warn) {
        String state = context.env().get("XDG_STATE_HOME");
        Path dir;
        if (state != null && state.startsWith("/")) {
            dir = Path.of(state, "cis");
        } else {
            String home = context.env().getOrDefault("HOME", System.getProperty("user.home"));
            if (home == null || !home.startsWith("/")) {
                return Optional.empty();
            }
            dir = Path.of(home, ".local", "state", "cis");
        }
        Path file = dir.resolve("history");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return Optional.of(file);
            }
            if (!Files.isRegularFile(file)) {
                return historyOff(warn, file + " is not a file");
            }
            if (!Files.isWritable(file)) {
                return historyOff(warn, file + " cannot be written");
            }
            if (!isHistory(file)) {
                return historyOff(warn, file + " is not a history this shell wrote; it is left as it is");
            }
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return historyOff(warn, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Optional<Path> historyOff(PrintWriter warn, String why) {
        warn.println("cis: history is off for this session: " + why);
        warn.flush();
        return Optional.empty();
    }

    /**
     * Whether every line is an entry as JLine writes them ({@code <epoch millis>:<line>}). JLine
     * drops a history it cannot read and writes over it: a file in another format must not be used.
     */
    private static boolean isHistory(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.allMatch(l -> l.isEmpty() || l.matches("\\d{1,19}:.*"));
        } catch (java.io.UncheckedIOException e) {
            return false; // not UTF-8: not ours
        }
    }
}
