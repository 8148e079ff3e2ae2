package cis.cli.view;

import cis.model.Condition;
import cis.model.Event;
import cis.model.Source;
import cis.model.Status;
import cis.model.StatusPeriod;
import cis.query.StateStatus;
import cis.render.Cell;
import cis.render.Format;
import cis.render.Output;
import cis.render.Style;
import cis.render.Table;
import cis.render.View;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a state's status looks in each format: a JSON object, a table row, or a card for people. */
public final class StateView {
    public static final List<String> HEADERS = List.of("State", "ISO", "Status", "Since", "Note");
    public static final List<String> TIMELINE_HEADERS = List.of("State", "Date", "Kind", "Event", "Note", "Sources");

    private StateView() {}

    /** The JSON/YAML object for one state; {@code history} and {@code sources} add what those flags ask for. */
    public static Map<String, Object> json(StateStatus s, boolean history, boolean sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.state().id());
        m.put("name", s.state().name());
        m.put("officialName", s.state().officialName());
        m.put("iso2", s.state().iso2());
        m.put("iso3", s.state().iso3());
        m.put("asOf", s.asOf());
        m.put("status", s.status().id());
        m.put("since", s.since());
        m.put("statusNote", s.period().flatMap(StatusPeriod::note));
        m.put("sinceUncertain", s.period().map(StatusPeriod::uncertain).orElse(false));
        m.put(
                "pendingWithdrawal",
                s.conditions().stream()
                        .filter(c -> c.kind() == Condition.Kind.WITHDRAWAL_PENDING)
                        .findFirst()
                        .map(c -> {
                            Map<String, Object> w = new LinkedHashMap<>();
                            w.put("since", c.from().toString());
                            w.put("effective", c.to().map(Object::toString));
                            return w;
                        }));
        List<Object> conditions = new ArrayList<>();
        for (Condition c : s.conditions()) {
            conditions.add(condition(c, sources));
        }
        m.put("conditions", conditions);
        m.put("notes", Wording.notes(s));
        if (sources) {
            m.put("sources", s.period().map(p -> urls(p.sources())).orElse(List.of()));
        }
        if (history) {
            List<Object> periods = new ArrayList<>();
            for (StatusPeriod p : s.state().periods()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("status", p.status().id());
                pm.put("from", p.from());
                pm.put("to", p.to());
                pm.put("note", p.note());
                pm.put("uncertain", p.uncertain());
                if (sources) {
                    pm.put("sources", urls(p.sources()));
                }
                periods.add(pm);
            }
            m.put("periods", periods);
            List<Object> events = new ArrayList<>();
            for (Event e : s.state().events()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("date", e.date().toString());
                em.put("kind", e.kind().id());
                em.put("text", e.text());
                em.put("note", e.note());
                em.put("uncertain", e.uncertain());
                if (sources) {
                    em.put("sources", urls(e.sources()));
                }
                events.add(em);
            }
            m.put("events", events);
        }
        return m;
    }

    private static Map<String, Object> condition(Condition c, boolean sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().id());
        m.put("from", c.from().toString());
        m.put("to", c.to().map(Object::toString));
        m.put("text", c.text());
        if (sources) {
            m.put("sources", urls(c.sources()));
        }
        return m;
    }

    private static List<String> urls(List<Source> sources) {
        return sources.stream().map(Source::url).toList();
    }

    /** {@code cis states}: one row per state; JSON objects without an input. */
    public record Listing(LocalDate day) implements View<StateStatus> {
        @Override
        public Table shape(Format format) {
            return StateView.shape(false, false);
        }

        @Override
        public List<List<Cell>> rows(StateStatus s, Format format) {
            return List.of(row(s, format == Format.TABLE));
        }

        @Override
        public Object tree(StateStatus s) {
            return json(s, false, false);
        }

        @Override
        public Optional<String> footer() {
            return Optional.of("As of " + day);
        }
    }

    /** One input of {@code cis status}: the name as given, and its state's status, or why there is none. */
    public record Answer(String input, LocalDate asOf, Optional<StateStatus> status, Optional<String> error) {}

    /**
     * {@code cis status}: a card per state on a terminal (for one name, or with {@code --history}
     * or {@code --sources}), else a row per input; JSON objects carry the input and any error.
     */
    public record Answers(
            boolean history,
            boolean sources,
            boolean single,
            boolean batch,
            boolean fromStdin,
            LocalDate day,
            Optional<LocalDate> sourcesUpTo)
            implements View<Answer> {
        /**
         * In a batch every row starts with the input it answers and the day it is for, so joins line
         * up: always in the formats scripts read; on a terminal only for names read from stdin (typed
         * names are in view, and the table's last line gives the day).
         */
        private boolean inputColumns(Format format) {
            return batch && (format != Format.TABLE || fromStdin);
        }

        @Override
        public Table shape(Format format) {
            Table t = StateView.shape(history, sources);
            if (!inputColumns(format)) {
                return t;
            }
            List<String> headers = new ArrayList<>(List.of("Input", "As of"));
            headers.addAll(t.headers());
            return new Table(
                    headers,
                    List.of(),
                    t.wrap().stream().map(w -> w + 2).toList(),
                    t.maxLines(),
                    List.of("Sources", "As of", "ISO", "Kind"));
        }

        @Override
        public List<List<Cell>> rows(Answer a, Format format) {
            List<List<Cell>> rows = a.status()
                    .map(s -> StateView.rows(s, history, sources, format == Format.TABLE))
                    .orElseGet(() -> List.of(missingRow(history, sources)));
            if (!inputColumns(format)) {
                return rows;
            }
            List<List<Cell>> out = new ArrayList<>();
            for (List<Cell> r : rows) {
                List<Cell> row = new ArrayList<>(List.of(Cell.of(a.input()), Cell.of(a.asOf())));
                row.addAll(r);
                out.add(row);
            }
            return out;
        }

        @Override
        public Object tree(Answer a) {
            return a.status()
                    .<Object>map(s -> json(a.input(), s, history, sources))
                    .orElseGet(() -> missingJson(a.input(), a.error().orElse(""), a.asOf()));
        }

        @Override
        public boolean cards(Format format) {
            return format == Format.TABLE && (history || sources || single);
        }

        /** A card for a state; a name that matched nothing has none (stderr said why). */
        @Override
        public void card(Answer a, Output out) {
            a.status().ifPresent(s -> StateView.card(s, history, sources, sourcesUpTo, out));
        }

        @Override
        public Optional<String> footer() {
            return history ? Optional.empty() : Optional.of("As of " + day);
        }
    }

    /** The status of one input of {@code cis status}: the input as given first, then the state's object. */
    public static Map<String, Object> json(String input, StateStatus s, boolean history, boolean sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.putAll(json(s, history, sources));
        m.put("error", null);
        return m;
    }

    /** An input that matched no state: the same keys, every one null but the input and the error. */
    public static Map<String, Object> missingJson(String input, String error, LocalDate asOf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        for (String key : List.of("id", "name", "officialName", "iso2", "iso3")) {
            m.put(key, null);
        }
        m.put("asOf", asOf);
        for (String key : List.of("status", "since", "statusNote", "sinceUncertain", "pendingWithdrawal")) {
            m.put(key, null);
        }
        m.put("conditions", List.of());
        m.put("notes", List.of());
        m.put("error", error);
        return m;
    }

    /**
     * The table of {@code cis status} in the row formats: headers, the wrapping column and the
     * columns a narrow terminal leaves out first.
     */
    public static Table shape(boolean history, boolean sources) {
        if (history) {
            return new Table(TIMELINE_HEADERS, List.of(), List.of(3, 4, 5)).withDrop("Sources", "Kind");
        }
        if (sources) {
            List<String> headers = new ArrayList<>(HEADERS);
            headers.add("Sources");
            return new Table(headers, List.of(), List.of(4, 5)).withDrop("Sources", "ISO", "Note");
        }
        return new Table(HEADERS, List.of(), 4).withDrop("ISO", "Note");
    }

    /** The rows of one state in that table: one, or one per event with {@code history}. */
    public static List<List<Cell>> rows(StateStatus s, boolean history, boolean sources, boolean forPeople) {
        if (history) {
            return timeline(List.of(s), sources).rows();
        }
        return sources ? tableWithSources(List.of(s)).rows() : List.of(row(s, forPeople));
    }

    /** The row of an input that matched nothing: every column empty (the Input column holds what was asked). */
    public static List<Cell> missingRow(boolean history, boolean sources) {
        List<Cell> row = new ArrayList<>();
        while (row.size() < shape(history, sources).headers().size()) {
            row.add(Cell.of(""));
        }
        return row;
    }

    /** One row of the states table. Terminal tables show labels; the other formats show ids. */
    public static List<Cell> row(StateStatus s, boolean forPeople) {
        return List.of(
                Cell.of(s.state().name()),
                Cell.of(s.state().iso2()),
                Cell.of(forPeople ? Wording.label(s.status()) : s.status().id(), style(s.status())),
                Cell.of(s.since().map(Object::toString).orElse(forPeople ? "—" : "")),
                Cell.of(String.join("; ", Wording.notes(s))));
    }
    /** The same rows with a last column of source URLs (space-separated) for the current status. */
    public static Table tableWithSources(List<StateStatus> states) {
        List<String> headers = new ArrayList<>(HEADERS);
        headers.add("Sources");
        List<List<Cell>> rows = new ArrayList<>();
        for (StateStatus s : states) {
            List<Cell> row = new ArrayList<>(row(s, false));
            row.add(Cell.of(
                    String.join(" ", s.period().map(p -> urls(p.sources())).orElse(List.of()))));
            rows.add(row);
        }
        return new Table(headers, rows, 4);
    }

    /** Timeline rows (one per event) for the row formats with {@code --history}. */
    public static Table timeline(List<StateStatus> states, boolean sources) {
        List<List<Cell>> rows = new ArrayList<>();
        for (StateStatus s : states) {
            for (Event e : s.state().events()) {
                rows.add(List.of(
                        Cell.of(s.state().name()),
                        Cell.of(e.date()),
                        Cell.of(e.kind().id()),
                        Cell.of(e.text()),
                        Cell.of(e.note().orElse("")),
                        Cell.of(sources ? String.join(" ", urls(e.sources())) : "")));
            }
        }
        return new Table(TIMELINE_HEADERS, rows, 3);
    }

    public static Style style(Status status) {
        return switch (status) {
            case MEMBER -> Style.GREEN;
            case ASSOCIATE_MEMBER, OBSERVER -> Style.CYAN;
            case FOUNDING_STATE -> Style.YELLOW;
            case FORMER_MEMBER -> Style.RED;
            case NON_MEMBER -> Style.DIM;
        };
    }

    /** The readable card of {@code cis status STATE} on a terminal. */
    public static void card(
            StateStatus s, boolean history, boolean withSources, Optional<LocalDate> sourcesUpTo, Output o) {
        Card card = new Card(o, withSources);
        card.title(s.state().name(), Wording.label(s.status()), style(s.status()));
        String since = s.since().map(d -> " since " + d).orElse("");
        card.line(
                "Status",
                Wording.label(s.status())
                        + since
                        + s.period().map(p -> card.refs(p.sources())).orElse(""));
        card.line("Meaning", Wording.meaning(s.status()));
        s.period().flatMap(StatusPeriod::note).ifPresent(n -> card.line("Note", n));
        for (Condition c : s.conditions()) {
            card.line(Wording.cardKey(c), Wording.cardLine(c) + ". " + c.text() + card.refs(c.sources()));
        }
        if (s.period().isEmpty()) {
            card.line("Note", Wording.noRecordBefore(s));
        }
        s.previous()
                .ifPresent(p -> card.line("Before", Wording.label(p.status()) + " " + Wording.range(p.from(), p.to())));
        s.next().ifPresent(p -> card.line("Next", Wording.label(p.status()) + " from " + p.from()));
        card.line("Official name", s.state().officialName());
        card.line("ISO 3166", s.state().iso2() + " / " + s.state().iso3());
        card.line("Capital", s.state().capital());
        card.line(
                "As of",
                s.asOf()
                        + sourcesUpTo
                                .filter(d -> s.asOf().isAfter(d))
                                .map(d -> "; the KB's sources go up to " + d + ", so later changes are not known")
                                .orElse(""));
        if (history) {
            card.section("Status history");
            for (StatusPeriod p : s.state().periods()) {
                String range = Wording.range(p.from(), p.to());
                card.line(
                        range,
                        Wording.label(p.status())
                                + (p.uncertain() ? " (start disputed)" : "")
                                + card.refs(p.sources())
                                + p.note().map(n -> "\n" + n).orElse(""));
            }
            card.section("Timeline");
            for (Event e : s.state().events()) {
                card.line(
                        e.date().toString(),
                        e.text()
                                + (e.uncertain() ? " (uncertain)" : "")
                                + card.refs(e.sources())
                                + e.note().map(n -> "\nNote: " + n).orElse(""));
            }
        }
        card.sources();
    }
}
