package cis;

import cis.cli.CisCommand;
import cis.cli.CliContext;
import cis.cli.KbCache;
import cis.cli.SystemClock;
import cis.kb.compact.CompactCache;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The entry point. {@link #run} is the one seam: tests call it with their own streams, environment and clock. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Always UTF-8, whatever the locale: Russian names must survive LANG=C.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
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
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never throws, never calls System.exit. */
    public static int run(String[] args, CliContext context) {
        return CisCommand.execute(args, context, new KbCache(CompactCache.from(context.env())));
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
