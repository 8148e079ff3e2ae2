package cis.cli;

import cis.model.Identity;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.State;
import cis.model.Status;
import cis.query.StateStatus;
import cis.query.StatusQuery;
import cis.render.Format;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cis status STATE…}: one or more states' status, with history and sources on request. */
@Command(name = "status", header = "One or more states: status, since when, what it means.",
        description = {
        "Show the status of one or more states: what it is, since when, and what it means.",
        "With --is, check it instead: exit 0 if every state has one of the statuses, 1 if not."},
        mixinStandardHelpOptions = true, sortOptions = false, footer = ExitCode.HELP_FOOTER)
final class StatusCommand implements Callable<Integer> {
    @Mixin
    QueryOptions options;

    @Parameters(paramLabel = "STATE", arity = "1..*", completionCandidates = Candidates.States.class,
            description = "A name, alias, ISO code or unique prefix; '-' reads names from stdin, one a line.")
    List<String> names;

    @Option(names = "--is", paramLabel = "S[,S…]", completionCandidates = Candidates.Statuses.class,
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
        List<StateStatus> rows = new ArrayList<>();
        Set<State> seen = Identity.newSet();
        for (String name : expand(names)) {
            State state = Lookups.state(kb.states().names(), name);
            if (seen.add(state)) {
                rows.add(StatusQuery.of(state, options.day()));
            }
        }
        boolean holds = rows.stream().allMatch(r -> wanted.contains(r.status()));
        if (wanted.isEmpty() || options.formatChosen()) {
            print(rows, out);
        }
        return wanted.isEmpty() || holds ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private void print(List<StateStatus> rows, Output out) {
        if (out.format().isTree()) {
            out.tree(rows.stream().map(s -> StateView.json(s, history, sources)).toList());
        } else if (out.format() == Format.TABLE && (rows.size() == 1 || history || sources)) {
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    out.out().print('\n');
                }
                StateView.card(rows.get(i), history, sources, out);
            }
        } else if (history) {
            out.table(StateView.timeline(rows, sources));
        } else if (sources) {
            out.table(StateView.tableWithSources(rows));
        } else {
            out.table(StateView.table(rows, out.format() == Format.TABLE));
        }
    }

    /** The names given, with '-' replaced by the lines of stdin (blank lines and # comments skipped). */
    private List<String> expand(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String name : given) {
            if (!name.equals("-")) {
                out.add(name);
                continue;
            }
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(options.context().in(),
                        StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        out.add(l);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            throw CliException.usage("no state names on stdin", "Give one name a line, or name states as arguments.");
        }
        return out;
    }
}
