package cis.cli;

import java.util.List;

/**
 * What every listing command shares: {@code --limit}, and the rule for an empty answer. An empty
 * answer is still an answer (exit 0; {@code []} in JSON, the header alone in CSV and TSV; nothing
 * at all on a terminal, where a bare header looks like a failure), and stderr says in one line why
 * it is empty: "none" where the KB is complete (states), "not known" where it may not be (offices
 * and sessions are recorded as sources report them).
 */
final class Listing {
    private Listing() {}

    /** The first {@code limit} items (all when null); a limit below 1 is a usage error. */
    static <T> List<T> limit(List<T> items, Integer limit) {
        if (limit == null) {
            return items;
        }
        if (limit < 1) {
            throw CliException.usage("--limit must be at least 1", "Leave --limit out to list everything.");
        }
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    /** Says on stderr why the answer is empty. */
    static void empty(OutputOptions options, String message) {
        options.context().err().print(message + "\n");
        options.context().err().flush();
    }
}
