package cis.cli;

import cis.store.KbStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The interactive prompt, as {@code cis shell} sees it. The prompt runs commands, so it depends on
 * this package; this package knows only this interface, and {@code Main} wires the prompt in.
 */
@FunctionalInterface
public interface Prompt {
    /**
     * Runs the prompt until the user leaves (or, reading a script, until its end, or its first
     * failing line with {@code stopOnError}); returns the exit code.
     */
    int run(CliContext context, Optional<Path> data, boolean stopOnError, KbStore store);

    /** For commands run where no prompt can be started (inside the prompt, or a completion model). */
    Prompt NONE = (context, data, stopOnError, store) -> {
        throw CliException.usage("cis shell cannot be started from here", "Run it from your own shell.");
    };
}
