package cis.update;

import java.io.IOException;

/**
 * A failure of the stream a bundle is read from (not of the bundle): the connection broke, the
 * server stalled, or it sent more than a bundle may be. It travels through the decompressor and
 * the archive reader as an {@link IOException} and comes out as the {@link UpdateException} it
 * carries.
 */
final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final UpdateException.Kind kind;
    private final String hint;

    SourceFailure(UpdateException.Kind kind, String message, String hint) {
        super(message);
        this.kind = kind;
        this.hint = hint;
    }

    UpdateException toUpdateException() {
        return new UpdateException(kind, getMessage(), hint, this);
    }
}
