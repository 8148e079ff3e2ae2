package cis.cli;

import cis.cli.view.StateView;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Status;
import cis.query.StateStatus;
import cis.query.StatusQuery;
import cis.render.Format;
import cis.render.Output;
import cis.render.TableWriter;
import cis.render.TreeWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cis status STATE…}: one or more states' status, with history and sources on request. */
@Command(
        name = "status",
        header = "One or more states: status, since when, what it means.",
        description = {
            "Show the status of one or more states: what it is, since when, and what it means.",
            "With --is, check it instead: exit 0 if every state has one of the statuses, 1 if not."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = ExitCode.HELP_FOOTER)
final class StatusCommand implements Callable<Integer> {
    @Mixin
    QueryOptions options;

    @Parameters(
            paramLabel = "STATE",
            arity = "1..*",
            completionCandidates = Candidates.States.class,
            description = "A name, alias, ISO code or unique prefix; '-' reads names from stdin, one a line. "
                    + "Many names give one row each, in order.")
    List<String> names;

    @Option(
            names = "--is",
            paramLabel = "S[,S…]",
            completionCandidates = Candidates.Statuses.class,
            description = "Exit 0 if every state has one of these statuses, else 1. Prints nothing unless a "
                    + "format is given.")
    List<String> is = new ArrayList<>();

    @Option(names = "--history", description = "Add the full timeline: status periods and events.")
    boolean history;

    @Option(names = "--sources", description = "Add the citations for each fact.")
    boolean sources;

    @Override
    public Integer call() {
        Set<Status> wanted = is.isEmpty() ? Set.of() : Lookups.statuses(is, "--is");
        Output out = options.output();
        KnowledgeBase kb = options.kb(KbPart.STATES);
        Inputs inputs = new Inputs(names, options.context().in());
        if (!inputs.hasNext()) {
            throw CliException.usage("no state names on stdin", "Give one name a line, or name states as arguments.");
        }
        // One name answers as before: a card on a terminal, and no row when it matches nothing.
        // Many (or '-') answer a row per input, in order, so that output lines up with input.
        boolean batch = names.size() > 1 || names.contains("-");
        boolean print = wanted.isEmpty() || options.formatChosen();
        Rows rows = print
                ? new Rows(
                        out,
                        out.format() == Format.TABLE && (history || sources || inputs.single()),
                        options.context().stdinIsTerminal() && names.contains("-"))
                : null;
        int failed = 0;
        boolean holds = true;
        while (inputs.hasNext()) {
            Inputs.Input input = inputs.next();
            StateStatus status;
            try {
                if (!input.ok()) {
                    throw new CliException(ExitCode.NOT_FOUND, input.problem(), "");
                }
                status = StatusQuery.of(Lookups.state(kb.states().names(), input.text()), options.day());
            } catch (CliException e) {
                if (!batch) {
                    throw e;
                }
                failed++;
                options.context().err().print("cis: " + e.getMessage() + "\n");
                if (rows != null) {
                    rows.missing(input.text(), e.getMessage());
                }
                continue;
            }
            holds &= wanted.contains(status.status());
            if (rows != null) {
                rows.found(input.text(), status);
            }
        }
        if (rows != null) {
            rows.close();
        }
        options.context().err().flush();
        if (failed > 0) {
            return ExitCode.NOT_FOUND;
        }
        return wanted.isEmpty() || holds ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** Where answers go as they come, in the shape the format and flags ask for. */
    private final class Rows {
        private final Output out;
        private final boolean cards;
        private final TreeWriter.Items items;
        private final TableWriter.Stream table;
        private boolean first = true;

        Rows(Output out, boolean cards, boolean interactive) {
            this.out = out;
            this.cards = cards;
            this.items = out.format().isTree() ? out.items(interactive) : null;
            this.table = items == null && !cards ? out.rows(StateView.shape(history, sources), interactive) : null;
        }

        void found(String input, StateStatus s) {
            if (items != null) {
                items.item(StateView.json(input, s, history, sources));
            } else if (cards) {
                if (!first) {
                    out.out().print('\n');
                }
                StateView.card(s, history, sources, out);
            } else {
                StateView.rows(s, history, sources, out.format() == Format.TABLE)
                        .forEach(table::row);
            }
            first = false;
        }

        /** A name that matched nothing: its row echoes it, with no status (a card has none to show). */
        void missing(String input, String error) {
            if (items != null) {
                items.item(StateView.missingJson(input, error, options.day()));
            } else if (table != null) {
                table.row(StateView.missingRow(input, history, sources));
            }
        }

        void close() {
            if (items != null) {
                items.close();
            } else if (table != null) {
                table.close();
                if (!history) {
                    out.asOf(options.day());
                }
            } else {
                out.out().flush();
            }
        }
    }
}
