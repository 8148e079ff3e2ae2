package cis.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command may touch in the outside world, injected so that tests control it:
 * the streams, the environment, the clock, and whether stdout is a terminal (and its size:
 * {@code terminalHeight} is 0 when unknown, or where no pager may run, as in {@code cis shell}).
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        InputStream in,
        Map<String, String> env,
        Clock clock,
        boolean stdoutIsTerminal,
        int terminalWidth,
        boolean stdinIsTerminal,
        int terminalHeight) {

    /** A context of unknown terminal height: nothing is paged. */
    public CliContext(
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            Map<String, String> env,
            Clock clock,
            boolean stdoutIsTerminal,
            int terminalWidth,
            boolean stdinIsTerminal) {
        this(out, err, in, env, clock, stdoutIsTerminal, terminalWidth, stdinIsTerminal, 0);
    }

    /** A context whose stdin is not a terminal (tests, pipes). */
    public CliContext(
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            Map<String, String> env,
            Clock clock,
            boolean stdoutIsTerminal,
            int terminalWidth) {
        this(out, err, in, env, clock, stdoutIsTerminal, terminalWidth, false);
    }

    /** The same context with one environment variable set (the shell's --data becomes CIS_DATA). */
    public CliContext withEnv(String key, String value) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put(key, value);
        return new CliContext(out, err, in, e, clock, stdoutIsTerminal, terminalWidth, stdinIsTerminal, terminalHeight);
    }

    /** The same context writing to other streams at another width (the shell's terminal). */
    public CliContext withOutput(PrintWriter newOut, PrintWriter newErr, boolean terminal, int width) {
        return new CliContext(newOut, newErr, in, env, clock, terminal, width, stdinIsTerminal, terminalHeight);
    }

    /** The same context on a terminal this many rows high (0: never page). */
    public CliContext withHeight(int rows) {
        return new CliContext(out, err, in, env, clock, stdoutIsTerminal, terminalWidth, stdinIsTerminal, rows);
    }

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
    }

    public LocalDate today() {
        return clock instanceof SystemClock system ? system.today() : LocalDate.now(clock);
    }
}
