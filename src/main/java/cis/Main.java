package cis;

import cis.cli.CisCommand;
import cis.cli.CliContext;
import cis.cli.SystemClock;
import cis.render.TerminalSafeWriter;
import cis.shell.Shell;
import cis.store.KbStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The entry point. {@link #run} is the one seam: tests call it with their own streams, environment and clock. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Always UTF-8, whatever the locale: Russian names must survive LANG=C.
        StdoutWatch stdout = new StdoutWatch(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8));
        Map<String, String> env = System.getenv();
        // The launcher tells whether stdout is a terminal; System.console() is the fallback for java -jar.
        String tty = System.getProperty("cis.stdout.tty");
        boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
        String inTty = System.getProperty("cis.stdin.tty");
        boolean stdinTerminal = inTty != null ? Boolean.parseBoolean(inTty) : System.console() != null;
        int code = run(args, new CliContext(out, err, System.in, env, new SystemClock(), terminal,
                width(System.getProperty("cis.columns", env.getOrDefault("COLUMNS", "80"))), stdinTerminal));
        out.flush();
        code = stdout.exitCode(code, err);
        err.flush();
        System.exit(code);
    }

    /**
     * Remembers the first failure to write stdout. A reader that stops reading ({@code cis states |
     * head -1}) is normal: cis ends quietly with its own exit code. Any other write error (stdout
     * closed, disk full) is reported, with exit code 5, since the answer did not reach its reader.
     */
    static final class StdoutWatch extends FilterOutputStream {
        private IOException failure;

        StdoutWatch(OutputStream out) {
            super(out);
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
            if (failure == null || String.valueOf(failure.getMessage()).contains("Broken pipe")) {
                return code;
            }
            err.print("cis: cannot write the output: " + failure.getMessage() + "\n");
            return 5;
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
            return CisCommand.execute(args, safe, KbStore.open(safe.env()),
                    (ctx, data, store) -> new Shell(ctx, data, store).run());
        } finally {
            err.flush();
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
