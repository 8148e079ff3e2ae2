package cis.cli.view;

import cis.model.Person;
import cis.model.Source;
import cis.model.State;
import cis.model.Term;
import cis.query.OfficialsQuery.Holding;
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

/** How terms and people look in each format. */
public final class OfficialView {
    public static final List<String> HEADERS = List.of("Role", "Body", "State", "Name", "Since", "Until", "Note");

    private OfficialView() {}

    /** Who held which office on a day: a row each, with whether the day is certainly in the term. */
    public record Holdings(LocalDate day, boolean sources) implements View<Holding> {
        @Override
        public Table shape(Format format) {
            return new Table(HEADERS, List.of(), List.of(6, 0, 1, 3)).withDrop("Body", "Until", "Note", "State");
        }

        @Override
        public List<List<Cell>> rows(Holding h, Format format) {
            return List.of(row(h.term(), h.certain(), format == Format.TABLE));
        }

        @Override
        public Object tree(Holding h) {
            return json(h.term(), Optional.of(day), Optional.of(h.certain()), sources);
        }

        @Override
        public Optional<String> footer() {
            return Optional.of("As of " + day);
        }
    }

    /** Terms of office, in time order ({@code --history}). */
    public record Terms(boolean sources) implements View<Term> {
        @Override
        public Table shape(Format format) {
            return new Table(HEADERS, List.of(), List.of(6, 0, 1, 3)).withDrop("Body", "Until", "Note", "State");
        }

        @Override
        public List<List<Cell>> rows(Term t, Format format) {
            return List.of(row(t, true, format == Format.TABLE));
        }

        @Override
        public Object tree(Term t) {
            return json(t, Optional.empty(), Optional.empty(), sources);
        }
    }

    /** A person and their terms. */
    public record Career(Person person, List<Term> terms) {}

    /** {@code cis officials NAME}: a card on a terminal, the terms as rows, or the person as JSON. */
    public record People(boolean sources) implements View<Career> {
        @Override
        public Table shape(Format format) {
            return new Terms(sources).shape(format);
        }

        @Override
        public List<List<Cell>> rows(Career c, Format format) {
            return c.terms().stream().map(t -> row(t, true, false)).toList();
        }

        @Override
        public Object tree(Career c) {
            return personJson(c.person(), c.terms(), sources);
        }

        @Override
        public boolean cards(Format format) {
            return format == Format.TABLE;
        }

        @Override
        public void card(Career c, Output out) {
            OfficialView.card(c.person(), c.terms(), out);
        }
    }

    public static Map<String, Object> json(
            Term t, Optional<LocalDate> asOf, Optional<Boolean> certain, boolean sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", t.role().id());
        m.put("body", t.body().id());
        m.put("state", t.state().map(State::id));
        m.put("person", t.person().id());
        m.put("name", t.person().name());
        m.put("title", t.title());
        m.put("from", t.from().toString());
        m.put("to", t.to().map(Object::toString));
        m.put("coChairs", t.coChairs().stream().map(State::id).toList());
        m.put("note", t.note());
        m.put("certainty", certainty(t, certain.orElse(true)));
        asOf.ifPresent(d -> m.put("asOf", d));
        if (sources) {
            m.put("sources", t.sources().stream().map(Source::url).toList());
        }
        return m;
    }

    /**
     * How sure the answer is, in one field: {@code possibly} when imprecise dates leave it open
     * whether the day falls in the term, {@code disputed} when sources disagree on the term, else
     * {@code certain}.
     */
    public static String certainty(Term t, boolean certainOnDay) {
        return !certainOnDay ? "possibly" : t.uncertain() ? "disputed" : "certain";
    }

    public static List<Cell> row(Term t, boolean certain, boolean forPeople) {
        return List.of(
                Cell.of(forPeople ? t.role().name() : t.role().id()),
                Cell.of(forPeople ? t.body().shortName() : t.body().id()),
                Cell.of(t.state().map(State::name).orElse("")),
                Cell.of(t.person().name(), forPeople ? Style.BOLD : Style.NONE),
                Cell.of(t.from()),
                // people read the last day in office; the other formats keep the KB's exclusive end
                Cell.of(t.to().map(x -> forPeople && x.isFull()
                                ? x.earliest().minusDays(1).toString()
                                : x.toString())
                        .orElse("")),
                Cell.of(String.join("; ", notes(t, certain))));
    }

    public static Map<String, Object> personJson(Person p, List<Term> terms, boolean sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("fullName", p.fullName());
        m.put("nameRu", p.nameRu());
        m.put("aliases", p.aliases());
        List<Object> former = new ArrayList<>();
        for (Person.FormerName f : p.formerNames()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("until", f.until().map(Object::toString));
            former.add(fm);
        }
        m.put("formerNames", former);
        m.put("born", p.born().map(Object::toString));
        m.put("birthplace", p.birthplace());
        m.put("died", p.died().map(Object::toString));
        m.put(
                "terms",
                terms.stream()
                        .map(t -> json(t, Optional.empty(), Optional.empty(), sources))
                        .toList());
        if (sources) {
            m.put("sources", p.sources().stream().map(Source::url).toList());
        }
        return m;
    }

    /** Short notes (the title is in the card and the JSON): co-chairs, and whether imprecise dates leave the answer uncertain. */
    public static List<String> notes(Term t, boolean certain) {
        List<String> notes = new ArrayList<>();
        if (!t.coChairs().isEmpty()) {
            notes.add("co-chairs "
                    + String.join(", ", t.coChairs().stream().map(State::name).toList()));
        }
        if (!certain) {
            notes.add("possibly: dates known only as " + Wording.range(t.from(), t.to()));
        } else if (t.uncertain()) {
            notes.add("dates uncertain");
        }
        return notes;
    }

    /** The person card: names, life dates, terms in order, and (always) the sources. */
    public static void card(Person p, List<Term> terms, Output o) {
        Card card = new Card(o, true);
        card.title(p.name(), p.fullName().filter(f -> !f.equals(p.name())).orElse(""), Style.NONE);
        p.nameRu().ifPresent(n -> card.line("Russian", n));
        if (!p.formerNames().isEmpty()) {
            card.line(
                    "Formerly",
                    String.join(
                            "; ",
                            p.formerNames().stream()
                                    .map(f -> f.name()
                                            + f.until()
                                                    .map(u -> " (until " + u + ")")
                                                    .orElse("")
                                            + card.refs(f.sources()))
                                    .toList()));
        }
        if (!p.aliases().isEmpty()) {
            card.line("Also written", String.join(", ", p.aliases()));
        }
        p.born()
                .ifPresent(b -> card.line(
                        "Born", b + p.birthplace().map(bp -> ", " + bp).orElse("") + card.refs(p.sources())));
        p.died().ifPresent(d -> card.line("Died", d.toString()));
        card.section("Terms");
        for (Term t : terms) {
            String range = Wording.range(t.from(), t.to());
            String office = t.title().orElse(t.role().name()) + ", " + t.body().name()
                    + t.state().map(s -> " (" + s.name() + ")").orElse("")
                    + (t.coChairs().isEmpty()
                            ? ""
                            : "; co-chairs "
                                    + String.join(
                                            ", ",
                                            t.coChairs().stream()
                                                    .map(State::name)
                                                    .toList()))
                    + (t.uncertain() ? " (dates uncertain)" : "") + card.refs(t.sources())
                    + t.note().map(n -> "\n" + n).orElse("");
            card.line(range, office);
        }
        card.sources();
    }
}
