package cis.cli;

import cis.cli.view.StateView;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.State;
import cis.model.Status;
import cis.query.StateStatus;
import cis.query.StatusQuery;
import cis.render.Output;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            "Show the status of one or more states on a day: what it is, since when, and what it means. One "
                    + "state prints a card on a terminal; several print a row each.",
            "With --is, check it instead: exit 0 if every state has one of the statuses, 1 if not."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {
            "%nExamples:",
            "  cis status Turkmenistan",
            "      status, since when, what it means",
            "  cis status Georgia --history --sources",
            "      the whole timeline, with citations",
            "  cis status Moldova --as-of 2020-06",
            "      as it was at the end of June 2020",
            "  cis status Kazakhstan --is member",
            "      exit 0 if it is a member, 1 if not",
            "  cis status Russia Ukraine Georgia -o csv",
            "      a row each, as CSV",
            ExitCode.HELP_FOOTER
        })
final class StatusCommand implements Callable<Integer> {
    @Mixin
    QueryOptions options;

    @Parameters(
            paramLabel = "STATE",
            arity = "1..*",
            completionCandidates = Candidates.States.class,
            description = "A name, alias, ISO code or unique prefix; '-' reads names from stdin, one a line, "
                    + "each optionally followed by a tab and its own day. Many names give one row each, in order.")
    List<String> names;

    /** How '-' reads stdin. */
    enum InputFormat {
        LINES,
        CSV
    }

    @Option(
            names = "--input",
            paramLabel = "FORMAT",
            converter = Converters.InputFormatConverter.class,
            completionCandidates = Candidates.InputFormats.class,
            description =
                    "How '-' reads stdin: lines (NAME or NAME<tab>DATE; the default) or csv (with a header " + "row).")
    InputFormat input = InputFormat.LINES;

    @Option(
            names = "--name-column",
            paramLabel = "COLUMN",
            description = "With --input csv: the column of names. Default: name, state or country, else the first.")
    String nameColumn;

    @Option(
            names = "--date-column",
            paramLabel = "COLUMN",
            description = "With --input csv: the column of days to answer as of. Default: date, as_of, asof or day, "
                    + "if there is one; else --as-of.")
    String dateColumn;

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
        if (options.context().stdinIsTerminal() && names.contains("-")) {
            options.neverPage();
        }
        Output out = options.output();
        KnowledgeBase kb = options.kb(KbPart.STATES);
        if (input != InputFormat.CSV && (nameColumn != null || dateColumn != null)) {
            throw CliException.usage("--name-column and --date-column are for --input csv", "Add --input csv.");
        }
        LocalDate today = options.context().today();
        Inputs inputs = new Inputs(
                names,
                options.context().in(),
                new Inputs.Format(
                        input == InputFormat.CSV,
                        Optional.ofNullable(nameColumn),
                        Optional.ofNullable(dateColumn),
                        text -> DateSpec.lastDay(text, today)));
        if (!inputs.hasNext()) {
            throw CliException.usage("no state names on stdin", "Give one name a line, or name states as arguments.");
        }
        // One name answers as before: a card on a terminal, and no row when it matches nothing.
        // Many (or '-') answer a row per input, in order, so that output lines up with input.
        boolean batch = names.size() > 1 || names.contains("-");
        Answers answers = new Answers(inputs, kb, batch, wanted);
        StateView.Answers view = new StateView.Answers(
                history,
                sources,
                inputs.single(),
                batch,
                names.contains("-"),
                options.day(),
                kb.meta().sourcesUpTo());
        if (wanted.isEmpty() || options.formatChosen()) {
            out.print(answers, view, options.context().stdinIsTerminal() && names.contains("-"));
        } else {
            answers.forEachRemaining(a -> {}); // --is alone: answer every input, print nothing
        }
        options.context().err().flush();
        if (answers.failed > 0) {
            return ExitCode.NOT_FOUND;
        }
        return wanted.isEmpty() || answers.holds ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /**
     * The inputs answered one at a time, as the output asks for them: a name that matches nothing
     * is said on stderr and counted (in a batch), or ends the command (alone).
     */
    private final class Answers implements Iterator<StateView.Answer> {
        private final Inputs inputs;
        private final KnowledgeBase kb;
        private final boolean batch;
        private final Set<Status> wanted;
        private final LocalDate defaultDay;
        /**
         * Names already resolved: a pipeline names the same few states a million times. Bounded, so
         * that a million distinct names cannot grow it; misses are not kept (each says why on stderr).
         */
        private final Map<String, State> resolved = new HashMap<>();

        int failed;
        boolean holds = true;

        Answers(Inputs inputs, KnowledgeBase kb, boolean batch, Set<Status> wanted) {
            this.inputs = inputs;
            this.kb = kb;
            this.batch = batch;
            this.wanted = wanted;
            this.defaultDay = options.day();
        }

        private State resolve(String name) {
            State s = resolved.get(name);
            if (s == null) {
                s = Lookups.state(kb.states().names(), name);
                if (resolved.size() < 10_000) {
                    resolved.put(name, s);
                }
            }
            return s;
        }

        @Override
        public boolean hasNext() {
            return inputs.hasNext();
        }

        @Override
        public StateView.Answer next() {
            Inputs.Input input = inputs.next();
            LocalDate day = input.day().orElse(defaultDay);
            try {
                if (!input.ok()) {
                    throw new CliException(ExitCode.NOT_FOUND, input.problem(), "");
                }
                StateStatus status = StatusQuery.of(resolve(input.text()), day);
                holds &= wanted.contains(status.status());
                return new StateView.Answer(input.text(), day, Optional.of(status), Optional.empty());
            } catch (CliException e) {
                if (!batch) {
                    throw e;
                }
                failed++;
                options.context().err().print("cis: " + e.getMessage() + "\n");
                return new StateView.Answer(input.text(), day, Optional.empty(), Optional.of(e.getMessage()));
            }
        }
    }
}
