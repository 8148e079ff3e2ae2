package cis.yaml;

import cis.model.Body;
import cis.model.Catalog;
import cis.model.City;
import cis.model.KnowledgeBase;
import cis.model.PartialDate;
import cis.model.Session;
import cis.model.Source;
import cis.model.State;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads sessions.yaml: cities, and sessions that refer to bodies, cities and states. */
@SuppressWarnings(
        "ReferenceEquality") // KB records are shared, never copied: identity is equality (see cis/package-info)
final class SessionsReader {
    private final LoadContext ctx;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Map<String, City> cities = new LinkedHashMap<>();
    private final Map<String, Integer> seenIds = new HashMap<>();

    SessionsReader(LoadContext ctx, Catalog<State> states, Catalog<Body> bodies) {
        this.ctx = ctx;
        states.all().forEach(s -> this.states.put(s.id(), s));
        bodies.all().forEach(b -> this.bodies.put(b.id(), b));
    }

    KnowledgeBase.Sessions read(Fields top) {
        ctx.readCatalogue(top);
        top.mappings("cities", true, "a city", this::readCity).forEach(c -> cities.put(c.id(), c));
        if (ctx.unusableKinds.contains("state")) {
            ctx.unusableKinds.add("city"); // cities name their state: without the states, none could be built
        }
        List<Session> sessions = top.mappings("sessions", true, "a session", this::readSession);
        top.finish();
        return new KnowledgeBase.Sessions(Catalog.of(List.copyOf(cities.values()), City::names, City::name), sessions);
    }

    private Optional<City> readCity(Fields f) {
        Optional<String> id = ctx.id(f, "city");
        Optional<String> name = f.required("name", Scalars::text);
        List<String> aliases = f.listOf("aliases", false, Scalars::text);
        Optional<State> state = ctx.reference(f, "state", "state", states, true);
        ctx.claimNames(f, "city", name.orElse(id.orElse("?")), List.of("id", "name"), List.of("aliases"));
        if (id.isEmpty() || name.isEmpty() || state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new City(id.get(), name.get(), aliases, state.get()));
    }

    private Optional<Session> readSession(Fields f) {
        Optional<Body> body = ctx.reference(f, "body", "body", bodies, true);
        Optional<PartialDate> date = f.required("date", Scalars::partialDate);
        Optional<LocalDate> end = f.optional("end", Scalars::date);
        Optional<City> city = ctx.reference(f, "city", "city", cities, false);
        Optional<State> country = ctx.reference(f, "country", "state", states, false);
        Optional<Session.Kind> kind = f.required("kind", Scalars.oneOf(Session.Kind.class, Session.Kind::id));
        Optional<Session.Status> status = f.required("status", Scalars.oneOf(Session.Status.class, Session.Status::id));
        Optional<PartialDate> movedTo = f.optional("movedTo", Scalars::partialDate);
        Optional<State> chair = ctx.reference(f, "chair", "state", states, false);
        List<State> participants = ctx.references(f, "participants", "state", states);
        Optional<String> title = f.optional("title", Scalars::text);
        Optional<String> note = f.optional("note", Scalars::text);
        boolean uncertain = f.flag("uncertain");
        List<Source> sources = ctx.sources(f);
        ctx.requirePrimary(f, sources, uncertain, "a session");
        if (body.isEmpty() || date.isEmpty() || kind.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        if (end.isPresent()
                && (!date.get().isFull() || !end.get().isAfter(date.get().earliest()))) {
            f.problem(
                    f.location(),
                    "'end' " + end.get() + " must be a day after 'date' " + date.get() + " (and 'date' a full date)");
        }
        if (city.isPresent() && country.isPresent() && city.get().state() != country.get()) {
            f.problem(
                    f.location(),
                    "city " + city.get().name() + " is in " + city.get().state().name() + ", not in "
                            + country.get().name());
        }
        if (movedTo.isPresent() && status.get() != Session.Status.POSTPONED) {
            f.problem(f.location(), "'movedTo' only applies to postponed sessions");
        }
        // A stable id for calendars: body-date(-city), numbered if a body met twice in one day.
        String base =
                body.get().id() + "-" + date.get() + city.map(c -> "-" + c.id()).orElse("");
        int n = seenIds.merge(base, 1, Integer::sum);
        if (n > 1 && city.isPresent()) {
            f.problem(
                    f.location(),
                    "another " + body.get().id() + " session on " + date.get() + " in "
                            + city.get().name() + " is listed already");
        }
        String id = n > 1 ? base + "-" + n : base;
        return Optional.of(new Session(
                id,
                body.get(),
                date.get(),
                end,
                city,
                country.or(() -> city.map(City::state)),
                kind.get(),
                status.get(),
                movedTo,
                chair,
                participants,
                title,
                note,
                uncertain,
                sources));
    }
}
