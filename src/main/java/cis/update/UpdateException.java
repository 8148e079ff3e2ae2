package cis.update;

import java.util.Optional;

/**
 * Why an update, a check or a bundle operation did not happen, in one line, with what to do
 * next; {@link Kind} tells which documented exit code it is. Whatever the kind, the KB in use is
 * as it was.
 */
public final class UpdateException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the exit code is concerned. */
    public enum Kind {
        /** The source could not be reached or read: network, proxy, timeout, an HTTP error, a missing file. */
        UNREACHABLE,
        /** The bundle is not one cis installs: unsigned, signed by no trusted key, changed, truncated, unsafe, too large, invalid. */
        INVALID,
        /** A wrong argument: a key file that is not a key, an output that exists, a source that is no URL. */
        USAGE,
        /** Nothing could be written where installed knowledge bases (or the output) go. */
        LOCAL
    }

    private final Kind kind;
    private final String hint;

    public UpdateException(Kind kind, String message, String hint) {
        super(message, null, false, false);
        this.kind = kind;
        this.hint = hint;
    }

    public UpdateException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
