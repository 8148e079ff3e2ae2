package cis.cli;

import cis.cli.view.SessionView;
import cis.model.Body;
import cis.model.City;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Session;
import cis.query.SessionsQuery;
import cis.render.Format;
import cis.render.IcsWriter;
import cis.render.Output;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cis sessions}: when and where the CIS councils met or will meet. */
@Command(
        name = "sessions",
        header = "When and where the CIS councils met or will meet.",
        description = {
            "List the sessions of the CIS councils (newest first), filtered by body, dates, place and kind.",
            "--next shows the next session of each body with the days to go; --format ics writes a calendar."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {
            "%nExamples:",
            "  cis sessions --next --as-of 2026-04-01",
            "      the next session of each council after that day",
            "  cis sessions --body CHS --year 2024",
            "      the summits of 2024",
            "  cis sessions --state Kazakhstan --sort date --limit 5",
            "      the first five sessions Kazakhstan hosted",
            "  cis sessions --from 2025 -o ics > cis.ics",
            "      a calendar of the sessions since 2025",
            ExitCode.HELP_FOOTER
        })
final class SessionsCommand implements Callable<Integer>, WritesCalendar {
    @Mixin
    QueryOptions options;

    @Option(
            names = "--body",
            paramLabel = "BODY",
            completionCandidates = Candidates.SessionBodies.class,
            description = "heads-of-state (CHS), heads-of-government (CHG) or foreign-ministers (CFM).")
    String body;

    @Option(names = "--year", paramLabel = "YEAR", description = "Only sessions in this year.")
    Integer year;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            converter = Converters.Date.class,
            description = "Only sessions ending on or after this day.")
    DateSpec from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            converter = Converters.Date.class,
            description = "Only sessions starting on or before this day.")
    DateSpec to;

    @Option(
            names = "--city",
            paramLabel = "CITY",
            completionCandidates = Candidates.Cities.class,
            description = "A city, by any name (Alma-Ata, Nur-Sultan, Kiev…).")
    String city;

    @Option(
            names = {"--state", "--country"},
            paramLabel = "STATE",
            completionCandidates = Candidates.States.class,
            description = "Only sessions hosted by this state (--country is the same).")
    String state;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            completionCandidates = Candidates.Kinds.class,
            converter = Converters.KindConverter.class,
            description = "${COMPLETION-CANDIDATES}.")
    Session.Kind kind;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--upcoming", description = "Only sessions on or after the day (--as-of, default today).")
        boolean upcoming;

        @Option(names = "--past", description = "Only sessions before the day.")
        boolean past;

        @Option(names = "--next", description = "The next session of each body (or of --body), with days to go.")
        boolean next;
    }

    /** The order sessions are listed in. */
    enum Order {
        NEWEST,
        DATE
    }

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            completionCandidates = Candidates.Sorts.class,
            converter = Converters.OrderConverter.class,
            description = "newest (default) or date (oldest first).")
    Order sort = Order.NEWEST;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sessions.")
    Integer limit;

    @Option(names = "--sources", description = "Add the citations.")
    boolean sources;

    @Override
    public Integer call() {
        Output out = options.output();
        boolean newestFirst = sort == Order.NEWEST;
        Listing.limit(List.of(), limit); // a bad --limit is a usage error before the KB is read
        LocalDate today = options.context().today();
        Optional<LocalDate> fromDay = Optional.ofNullable(from).map(f -> f.first(today));
        Optional<LocalDate> toDay = Optional.ofNullable(to).map(t -> t.last(today));
        if (fromDay.isPresent() && toDay.isPresent() && toDay.get().isBefore(fromDay.get())) {
            throw CliException.usage("--to " + toDay.get() + " is before --from " + fromDay.get(), "Swap them.");
        }
        if (year != null && (year < 1900 || year > 2100)) {
            throw CliException.usage("--year " + year + " is out of range", "Give a year such as 2022.");
        }
        KnowledgeBase kb = options.kb(KbPart.SESSIONS);
        LocalDate day = options.day();
        Optional<Body> b = Optional.ofNullable(body)
                .map(x -> Lookups.forOption(
                        "--body",
                        () -> Lookups.body(kb.bodies().names(), x, kb.bodies().all())));
        if (when != null && when.next) {
            return next(kb, b, day, out);
        }
        SessionsQuery.Filter filter = new SessionsQuery.Filter(
                b,
                Optional.ofNullable(year),
                fromDay,
                toDay,
                Optional.ofNullable(city)
                        .map(c -> Lookups.forOption(
                                "--city",
                                () -> Lookups.resolve(
                                        kb.sessions().cities().names(),
                                        c,
                                        "city",
                                        City::name,
                                        "Cities: "
                                                + String.join(
                                                        ", ",
                                                        kb.sessions().cities().all().stream()
                                                                .map(City::name)
                                                                .toList())
                                                + "."))),
                Optional.ofNullable(state)
                        .map(c -> Lookups.forOption(
                                "--state", () -> Lookups.state(kb.states().names(), c))),
                Optional.ofNullable(kind),
                when == null
                        ? SessionsQuery.When.ANY
                        : when.upcoming ? SessionsQuery.When.UPCOMING : SessionsQuery.When.PAST,
                day);
        List<Session> sessions = SessionsQuery.find(kb, filter, newestFirst, limit == null ? 0 : limit);
        if (out.format() == Format.ICS) {
            List<IcsWriter.Event> events = sessions.stream()
                    .flatMap(s -> SessionView.event(s, day).stream())
                    .toList();
            IcsWriter.write(
                    events,
                    "-//cis//cis " + CisCommand.toolVersion() + "//EN",
                    kb.meta().reviewed(),
                    out.out());
            int skipped = sessions.size() - events.size();
            if (skipped > 0) {
                options.context()
                        .err()
                        .print("cis: " + skipped + (skipped == 1 ? " session is" : " sessions are")
                                + " left out of the calendar: the day is not known, only the month or year.\n");
                options.context().err().flush();
            }
        } else {
            out.print(sessions, new SessionView.Sessions(day, sources));
        }
        if (sessions.isEmpty()) {
            Listing.empty(
                    options,
                    "cis: not known: the knowledge base records no session"
                            + (when != null && when.upcoming ? " on or after " + day : "")
                            + (when != null && when.past ? " before " + day : "")
                            + " that matches"
                            + (when != null && when.upcoming && day.isAfter(OutputOptions.knownUpTo(kb.meta()))
                                    ? "; it knows nothing after " + OutputOptions.freshness(kb.meta())
                                    : "")
                            + ".");
        }
        return ExitCode.OK;
    }

    private int next(KnowledgeBase kb, Optional<Body> b, LocalDate day, Output out) {
        List<SessionsQuery.Next> next = SessionsQuery.next(kb, b, day);
        if (!next.isEmpty() && day.isAfter(OutputOptions.knownUpTo(kb.meta()))) {
            options.context()
                    .err()
                    .print("cis: note: the KB knows nothing after " + OutputOptions.freshness(kb.meta())
                            + ": a session shown may since have been held, moved or cancelled.\n");
            options.context().err().flush();
        }
        if (out.format() == Format.ICS) {
            IcsWriter.write(
                    next.stream()
                            .flatMap(n -> SessionView.event(n.session(), day).stream())
                            .toList(),
                    "-//cis//cis " + CisCommand.toolVersion() + "//EN",
                    kb.meta().reviewed(),
                    out.out());
        } else {
            out.print(next, new SessionView.Nexts(day, sources));
        }
        if (next.isEmpty()) {
            options.context()
                    .err()
                    .print("cis: not known: no upcoming session"
                            + b.map(x -> " of the " + x.name()).orElse("") + " on or after " + day
                            + " is recorded; the KB knows nothing after " + OutputOptions.freshness(kb.meta())
                            + ".\n");
            options.context().err().flush();
        }
        return ExitCode.OK;
    }
}
