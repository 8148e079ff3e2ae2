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
        description = "Show who holds the CIS offices on a day (today unless --as-of says otherwise), every term "
                + "with --history, or one person's card when a NAME is given.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {
            "%nExamples:",
            "  cis officials",
            "      who holds the offices today",
            "  cis officials --role chair --body CHS --history",
            "      every chair of the Council of Heads of State, by date",
            "  cis officials --state Russia --as-of 2010",
            "      Russia's office holders at the end of 2010",
            "  cis officials Lebedev",
            "      one person's card: names, terms and sources",
            ExitCode.HELP_FOOTER
        })
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
            completionCandidates = Candidates.OfficialBodies.class,
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

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            completionCandidates = Candidates.OfficialsSorts.class,
            converter = Converters.OfficialsSortConverter.class,
            description = "office (the default: office by office, each in time order), since (all offices by "
                    + "date) or name.")
    OfficialsQuery.Sort sort = OfficialsQuery.Sort.OFFICE;

    @Option(names = "--limit", paramLabel = "N", description = "At most N terms.")
    Integer limit;

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
                        .map(r -> Lookups.forOption(
                                "--role",
                                () -> Lookups.role(
                                        officials.roles().names(),
                                        r,
                                        officials.roles().all()))),
                Optional.ofNullable(body)
                        .map(b -> Lookups.forOption(
                                "--body",
                                () -> Lookups.body(
                                        kb.bodies().names(), b, kb.bodies().all()))),
                Optional.ofNullable(state)
                        .map(s -> Lookups.forOption(
                                "--state", () -> Lookups.state(kb.states().names(), s))));
        if (history) {
            List<Term> terms =
                    Listing.limit(OfficialsQuery.sorted(OfficialsQuery.history(kb, filter), t -> t, sort), limit);
            out.print(terms, new OfficialView.Terms(sources));
            if (terms.isEmpty()) {
                nothingKnown(filter, "at any time");
            }
            return ExitCode.OK;
        }
        List<OfficialsQuery.Holding> holdings = Listing.limit(
                OfficialsQuery.sorted(
                        OfficialsQuery.onDay(kb, options.day(), filter), OfficialsQuery.Holding::term, sort),
                limit);
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
        Listing.empty(options, "cis: not known: the knowledge base records no " + what + " " + when + ".");
    }
}
