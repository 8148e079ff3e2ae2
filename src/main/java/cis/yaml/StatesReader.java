package cis.yaml;

import cis.model.Catalog;
import cis.model.Condition;
import cis.model.Event;
import cis.model.Location;
import cis.model.PartialDate;
import cis.model.Source;
import cis.model.State;
import cis.model.Status;
import cis.model.StatusPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads states.yaml: names and codes, contiguous status periods, conditions, events. */
final class StatesReader {
    private final LoadContext ctx;

    StatesReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Catalog<State> read(Fields top) {
        ctx.readCatalogue(top);
        List<State> states = top.mappings("states", true, "a state", this::readState);
        top.finish();
        return Catalog.of(states, State::names, State::name);
    }

    private Optional<State> readState(Fields f) {
        Optional<String> id = ctx.id(f, "state");
        Optional<String> name = f.required("name", Scalars::text);
        Optional<String> official = f.required("officialName", Scalars::text);
        Optional<String> iso2 =
                f.required("iso2", Scalars.matching("[A-Z]{2}", "an ISO 3166 alpha-2 code (two capitals)"));
        Optional<String> iso3 =
                f.required("iso3", Scalars.matching("[A-Z]{3}", "an ISO 3166 alpha-3 code (three capitals)"));
        Optional<String> capital = f.required("capital", Scalars::text);
        List<String> aliases = f.listOf("aliases", false, Scalars::text);
        ctx.claimNames(
                f,
                "state",
                name.orElse(id.orElse("?")),
                List.of("id", "name", "officialName", "iso2", "iso3"),
                List.of("aliases"));
        List<Source> sources = ctx.sources(f);
        List<StatusPeriod> periods = periods(f);
        List<Condition> conditions = f.mappings("conditions", false, "a condition", this::readCondition);
        List<Event> events = f.mappings("events", false, "an event", this::readEvent);
        if (id.isEmpty()
                || name.isEmpty()
                || official.isEmpty()
                || iso2.isEmpty()
                || iso3.isEmpty()
                || capital.isEmpty()
                || periods.isEmpty()) {
            return Optional.empty();
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        return Optional.of(new State(
                id.get(),
                name.get(),
                official.get(),
                iso2.get(),
                iso3.get(),
                capital.get(),
                aliases,
                periods,
                conditions,
                sorted,
                sources));
    }

    /** Reads the periods and checks that they run forwards, in order, without gaps or overlaps. */
    private List<StatusPeriod> periods(Fields state) {
        record Located(StatusPeriod period, Location at) {}
        int[] attempted = {0};
        List<Located> read = state.mappings("statuses", true, "a status period", f -> {
            attempted[0]++;
            Optional<Status> status = f.required("status", Scalars.oneOf(Status.class, Status::id));
            Optional<LocalDate> from = f.required("from", Scalars::date);
            Optional<LocalDate> to = f.optional("to", Scalars::date);
            Optional<String> note = f.optional("note", Scalars::text);
            boolean uncertain = f.flag("uncertain");
            List<Source> sources = ctx.sources(f);
            ctx.requirePrimary(f, sources, uncertain, "a status period");
            if (status.isEmpty()
                    || from.isEmpty()
                    || (to.isEmpty() && f.node("to").isPresent())) {
                return Optional.empty();
            }
            if (to.isPresent() && !to.get().isAfter(from.get())) {
                f.problem(
                        f.location(), "period runs backwards: 'to' " + to.get() + " is not after 'from' " + from.get());
                return Optional.empty();
            }
            return Optional.of(new Located(
                    new StatusPeriod(status.get(), from.get(), to, note, uncertain, sources), f.location()));
        });
        if (read.size() < attempted[0]) {
            return List.of(); // a period could not be read: order checks would only add noise
        }
        for (int i = 1; i < read.size(); i++) {
            StatusPeriod prev = read.get(i - 1).period();
            StatusPeriod cur = read.get(i).period();
            Location at = read.get(i).at();
            if (prev.to().isEmpty()) {
                state.problem(
                        at,
                        "overlaps the previous period (" + prev.status().id() + " from " + prev.from()
                                + ", which has no 'to')");
            } else if (cur.from().isBefore(prev.to().get())) {
                state.problem(
                        at,
                        "overlaps the previous period (" + prev.status().id() + " " + prev.from() + " to "
                                + prev.to().get() + "); periods must be in order and not overlap");
            } else if (cur.from().isAfter(prev.to().get())) {
                state.problem(
                        at,
                        "gap between " + prev.to().get() + " (end of the previous period) and " + cur.from()
                                + "; each period's 'from' must equal the previous one's 'to'");
            } else if (cur.status() == prev.status()) {
                state.problem(at, "repeats status '" + cur.status().id() + "' of the previous period; merge them");
            }
        }
        if (!read.isEmpty()) {
            Located last = read.get(read.size() - 1);
            if (last.period().to().isPresent()) {
                state.problem(last.at(), "the last period must have no 'to': a state always has some status");
            }
        }
        return read.stream().map(Located::period).toList();
    }

    private Optional<Condition> readCondition(Fields f) {
        Optional<Condition.Kind> kind = f.required("kind", Scalars.oneOf(Condition.Kind.class, Condition.Kind::id));
        Optional<PartialDate> from = f.required("from", Scalars::partialDate);
        Optional<PartialDate> to = f.optional("to", Scalars::partialDate);
        Optional<String> text = f.required("text", Scalars::text);
        List<Source> sources = ctx.sources(f);
        ctx.requirePrimary(f, sources, false, "a condition");
        if (kind.isEmpty() || from.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        if (to.isPresent() && to.get().latest().isBefore(from.get().earliest())) {
            f.problem(f.location(), "condition runs backwards: 'to' " + to.get() + " is before 'from' " + from.get());
            return Optional.empty();
        }
        return Optional.of(new Condition(kind.get(), from.get(), to, text.get(), sources));
    }

    private Optional<Event> readEvent(Fields f) {
        Optional<PartialDate> date = f.required("date", Scalars::partialDate);
        Optional<Event.Kind> kind = f.required("kind", Scalars.oneOf(Event.Kind.class, Event.Kind::id));
        Optional<String> text = f.required("text", Scalars::text);
        Optional<String> note = f.optional("note", Scalars::text);
        boolean uncertain = f.flag("uncertain");
        List<Source> sources = ctx.sources(f);
        ctx.requirePrimary(f, sources, uncertain, "an event");
        if (date.isEmpty() || kind.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Event(date.get(), kind.get(), text.get(), note, uncertain, sources));
    }
}
