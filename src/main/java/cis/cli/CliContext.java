package cis.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command may touch in the outside world, injected so that tests control it:
 * the streams, the environment, the clock, and whether stdout is a terminal (and how wide).
 */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Clock clock,
        boolean stdoutIsTerminal, int terminalWidth) {
    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
