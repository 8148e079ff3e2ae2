package cis.cli;

import java.util.Optional;

/** A failure the user can act on: a message, an optional hint on what to do, and the exit code. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String hint;

    public CliException(int exitCode, String message, String hint) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public static CliException usage(String message, String hint) {
        return new CliException(ExitCode.USAGE, message, hint);
    }

    public static CliException notFound(String message, String hint) {
        return new CliException(ExitCode.NOT_FOUND, message, hint);
    }

    public int exitCode() {
        return exitCode;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
