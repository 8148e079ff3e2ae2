package cis;

import cis.cli.CisCommand;
import cis.cli.CliContext;
import cis.cli.ExitCode;
import cis.cli.SystemClock;
import cis.render.TerminalSafeWriter;
import cis.shell.Shell;
import cis.store.KbStore;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The entry point. {@link #run} is the one seam: tests call it with their own streams, environment and clock. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Always UTF-8, whatever the locale: Russian names must survive LANG=C.
        StdoutWatch stdout = new StdoutWatch(new FileOutputStream(FileDescriptor.out), new StdoutIsPipe());
        // Buffered before the encoder: it would otherwise copy every small write into fresh buffers
        // (a pipeline's million rows made gigabytes of garbage that way).
        PrintWriter out =
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        int code;
        try {
            Map<String, String> env = System.getenv();
            // The launcher tells whether stdout is a terminal; System.console() is the fallback for java -jar.
            String tty = System.getProperty("cis.stdout.tty");
            boolean terminal = tty != null ? Boolean.parseBoolean(tty) : consoleIsTerminal();
            String inTty = System.getProperty("cis.stdin.tty");
            boolean stdinTerminal = inTty != null ? Boolean.parseBoolean(inTty) : consoleIsTerminal();
            code = run(
                    args,
                    new CliContext(
                            out,
                            err,
                            System.in,
                            env,
                            new SystemClock(),
                            terminal,
                            width(System.getProperty("cis.columns", env.getOrDefault("COLUMNS", "80"))),
                            stdinTerminal,
                            rows(System.getProperty("cis.rows", "0"))));
            out.flush();
            code = stdout.exitCode(code, err);
        } catch (Throwable e) { // run() catches everything; this is for what fails around it
            code = internalError(e, args, err);
        }
        err.flush();
        System.exit(code);
    }

    /**
     * Remembers the first failure to write stdout. A reader that stops reading ({@code cis states |
     * head -1}) is normal: cis ends quietly with its own exit code. That is told by the cause (stdout
     * is a pipe), not by the error's text, which the C library words in the user's language. Any
     * other write error (stdout closed, disk full) is reported, with exit code 5, since the answer
     * did not reach its reader.
     */
    static final class StdoutWatch extends FilterOutputStream {
        private final BooleanSupplier isPipe;
        private IOException failure;

        StdoutWatch(OutputStream out, BooleanSupplier isPipe) {
            super(out);
            this.isPipe = isPipe;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure; // stop at once: nothing more can get through
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        int exitCode(int code, PrintWriter err) {
            if (failure == null || isPipe.getAsBoolean()) {
                return code;
            }
            err.print("cis: cannot write the output: " + failure.getMessage() + "\n");
            return ExitCode.INTERNAL;
        }
    }

    /**
     * For {@code java -jar} without the launcher: whether stdin and stdout are a terminal. Up to JDK
     * 21 a console exists only then; from JDK 22 it always exists, and {@code isTerminal} tells.
     */
    @SuppressWarnings("SystemConsoleNull") // the null check is right on JDK 17-21, and 22+ asks isTerminal
    static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 there is no isTerminal, and a console is a terminal
        }
    }

    /**
     * {@link #stdoutIsPipe}, as a class rather than a method reference: the training run never
     * reaches {@code main}, so a lambda here would be linked afresh on every run (milliseconds).
     */
    static final class StdoutIsPipe implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return stdoutIsPipe();
        }
    }

    /** Whether stdout is a pipe (or a socket): a write to it fails only when its reader has gone. */
    static boolean stdoutIsPipe() {
        try {
            int type = (Integer) Files.getAttribute(Path.of("/dev/stdout"), "unix:mode") & 0170000;
            return type == 0010000 || type == 0140000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs one command line and returns its exit code; never throws, never calls System.exit.
     * Everything on stderr passes through {@link TerminalSafeWriter}: messages quote paths, names
     * and KB text, none of which may reach the terminal as escape sequences.
     */
    public static int run(String[] args, CliContext context) {
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(context.err()));
        CliContext safe = context.withOutput(context.out(), err, context.stdoutIsTerminal(), context.terminalWidth());
        try {
            return CisCommand.execute(
                    args,
                    safe,
                    KbStore.open(safe.env()),
                    (ctx, data, stopOnError, store) -> new Shell(ctx, data, store, stopOnError).run());
        } catch (Throwable e) { // an Error (out of memory, stack overflow) or a bug past the command's handler
            return internalError(e, args, err);
        } finally {
            err.flush();
        }
    }

    /** One line on stderr (the trace only with --verbose) and exit code 5: never 0 or 1, which are answers. */
    private static int internalError(Throwable e, String[] args, PrintWriter err) {
        try {
            err.print("cis: internal error: " + e + "\n");
            if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
                e.printStackTrace(err);
            } else {
                err.print(
                        "This is a bug in cis, or the machine ran out of memory. Rerun with --verbose for details.\n");
            }
            err.flush();
        } catch (Throwable ignored) { // nothing more can be said
        }
        return ExitCode.INTERNAL;
    }

    /** The terminal height the launcher measured; 0 (never page) when unknown or absurd. */
    private static int rows(String rows) {
        try {
            int r = Integer.parseInt(rows.strip());
            return r >= 2 && r <= 10_000 ? r : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The terminal width the launcher measured (or COLUMNS); 80 when unknown or absurd. */
    private static int width(String columns) {
        try {
            int w = Integer.parseInt(columns.strip());
            return w >= 20 && w <= 1000 ? w : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
