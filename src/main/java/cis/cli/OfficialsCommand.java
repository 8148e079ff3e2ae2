package cis.cli;

import cis.cli.view.OfficialView;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Person;
import cis.model.Term;
import cis.query.OfficialsQuery;
import cis.render.Output;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cis officials}: who holds which CIS office on a day, every term, or one person's card. */
@Command(
        name = "officials",
        header = "Who holds the CIS offices: on a day, every term, or one person.",
        description = {
            "Show who holds the CIS offices on a day (default today), every term with --history,",
            "or one person's card when a NAME is given."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = ExitCode.HELP_FOOTER)
final class OfficialsCommand implements Callable<Integer> {
    @Mixin
    QueryOptions options;

    @Parameters(
            paramLabel = "NAME",
            arity = "0..1",
            completionCandidates = Candidates.People.class,
            description = "A person: any spelling, alias, former name or unique prefix of a name.")
    String name;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            completionCandidates = Candidates.Roles.class,
            description = "executive-secretary (alias secretary-general), chair, foreign-minister, …")
    String role;

    @Option(
            names = "--body",
            paramLabel = "BODY",
            completionCandidates = Candidates.Bodies.class,
            description = "heads-of-state (CHS), heads-of-government (CHG), foreign-ministers (CFM), "
                    + "executive-committee, inter-parliamentary-assembly, economic-court, economic-council")
    String body;

    @Option(
            names = "--state",
            paramLabel = "STATE",
            completionCandidates = Candidates.States.class,
            description = "Only offices held for this state.")
    String state;

    @Option(names = "--history", description = "List every term, not only those in office on the day.")
    boolean history;

    @Option(names = "--sources", description = "Add the citations.")
    boolean sources;

    @Override
    public Integer call() {
        Output out = options.output();
        KnowledgeBase kb = options.kb(KbPart.OFFICIALS);
        KnowledgeBase.Officials officials = kb.officials();
        if (name != null) {
            Person person = Lookups.person(officials.people().names(), name);
            out.print(
                    List.of(new OfficialView.Career(person, OfficialsQuery.termsOf(kb, person))),
                    new OfficialView.People(sources));
            return ExitCode.OK;
        }
        OfficialsQuery.Filter filter = new OfficialsQuery.Filter(
                Optional.ofNullable(role)
                        .map(r -> Lookups.role(
                                officials.roles().names(), r, officials.roles().all())),
                Optional.ofNullable(body)
                        .map(b ->
                                Lookups.body(kb.bodies().names(), b, kb.bodies().all())),
                Optional.ofNullable(state).map(s -> Lookups.state(kb.states().names(), s)));
        if (history) {
            List<Term> terms = OfficialsQuery.history(kb, filter);
            out.print(terms, new OfficialView.Terms(sources));
            if (terms.isEmpty()) {
                nothingKnown(filter, "at any time");
            }
            return ExitCode.OK;
        }
        List<OfficialsQuery.Holding> holdings = OfficialsQuery.onDay(kb, options.day(), filter);
        out.print(holdings, new OfficialView.Holdings(options.day(), sources));
        if (holdings.isEmpty()) {
            nothingKnown(filter, "on " + options.day());
        }
        return ExitCode.OK;
    }

    /** An honest "not known" on stderr, so that an empty table is not mistaken for "nobody". */
    private void nothingKnown(OfficialsQuery.Filter f, String when) {
        String what =
                f.role().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse("office holder")
                        + f.body().map(b -> " of the " + b.name()).orElse("")
                        + f.state().map(s -> " for " + s.name()).orElse("");
        options.context().err().print("cis: not known: the knowledge base records no " + what + " " + when + ".\n");
        options.context().err().flush();
    }
}
