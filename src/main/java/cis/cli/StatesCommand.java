package cis.cli;

import cis.cli.view.StateView;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Status;
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
        description = "List the states and their relation to the CIS on a day.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = ExitCode.HELP_FOOTER)
final class StatesCommand implements Callable<Integer> {
    @Mixin
    QueryOptions options;

    @Option(
            names = "--status",
            paramLabel = "S[,S…]",
            completionCandidates = Candidates.Statuses.class,
            description = "Only states with these statuses: ${COMPLETION-CANDIDATES} (a unique prefix is enough).")
    List<String> status = new ArrayList<>();

    @Override
    public Integer call() {
        Set<Status> only = status.isEmpty() ? Set.of() : Lookups.statuses(status, "--status");
        Output out = options.output();
        KnowledgeBase kb = options.kb(KbPart.STATES);
        out.print(StatusQuery.all(kb, options.day(), only), new StateView.Listing(options.day()));
        return ExitCode.OK;
    }
}
