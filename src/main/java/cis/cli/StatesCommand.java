package cis.cli;

import cis.cli.view.StateView;
import cis.cli.view.Wording;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Status;
import cis.query.StateStatus;
import cis.query.StatusQuery;
import cis.render.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cis states}: every state the KB knows and its status on a day. */
@Command(
        name = "states",
        header = "All states and their relation to the CIS on a day.",
        description = "List every state the knowledge base knows and its relation to the CIS on a day (today unless "
                + "--as-of says otherwise): member states first, then associate members, founding states, former "
                + "members and non-members.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {
            "%nExamples:",
            "  cis states",
            "      every state and its relation to the CIS today",
            "  cis states --as-of 1995",
            "      the CIS as it stood at the end of 1995",
            "  cis states --status member,associate-member --json",
            "      members and associates, for a script",
            "  cis states --status member --sort since --limit 3 -o csv",
            "      the three longest-standing members, as CSV",
            ExitCode.HELP_FOOTER
        })
final class StatesCommand implements Callable<Integer> {
    @Mixin
    QueryOptions options;

    @Option(
            names = "--status",
            paramLabel = "S[,S…]",
            completionCandidates = Candidates.Statuses.class,
            description = "Only states with these statuses: ${COMPLETION-CANDIDATES} (a unique prefix is enough).")
    List<String> status = new ArrayList<>();

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            completionCandidates = Candidates.StatesSorts.class,
            converter = Converters.StatesSortConverter.class,
            description = "status (the default: members first), name, or since (longest-standing first).")
    StatusQuery.Sort sort = StatusQuery.Sort.STATUS;

    @Option(names = "--limit", paramLabel = "N", description = "At most N states.")
    Integer limit;

    @Override
    public Integer call() {
        Set<Status> only = status.isEmpty() ? Set.of() : Lookups.statuses(status, "--status");
        Output out = options.output();
        KnowledgeBase kb = options.kb(KbPart.STATES);
        List<StateStatus> states = Listing.limit(StatusQuery.all(kb, options.day(), only, sort), limit);
        out.print(states, new StateView.Listing(options.day()));
        if (states.isEmpty()) {
            Listing.empty(
                    options,
                    "cis: none: no state is "
                            + String.join(
                                    " or ", only.stream().map(Wording::label).toList())
                            + " on " + options.day() + ".");
        }
        return ExitCode.OK;
    }
}
