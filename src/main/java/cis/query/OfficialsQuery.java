package cis.query;

import cis.model.Body;
import cis.model.Identity;
import cis.model.KnowledgeBase;
import cis.model.Person;
import cis.model.Role;
import cis.model.State;
import cis.model.Term;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who held which office: terms filtered by role, body and state, on a day or over all time. */
@SuppressWarnings(
        "ReferenceEquality") // KB records are shared, never copied: identity is equality (see cis/package-info)
public final class OfficialsQuery {
    private OfficialsQuery() {}

    /** Narrows terms to a role, a body and a state; empty filters keep everything. */
    public record Filter(Optional<Role> role, Optional<Body> body, Optional<State> state) {

        public boolean test(Term t) {
            return role.map(r -> t.role() == r).orElse(true)
                    && body.map(b -> t.body() == b).orElse(true)
                    && state.map(s -> t.state().filter(ts -> ts == s).isPresent()
                                    || t.coChairs().contains(s))
                            .orElse(true);
        }
    }

    /** A term as an answer for a day: {@code certain} is false when imprecise dates only allow it. */
    public record Holding(Term term, boolean certain) {}

    /**
     * Terms that hold (or, with imprecise dates, may hold) on {@code day}. Where an office certainly
     * has a holder that day, the terms that only may hold are left out: one office, one holder.
     */
    public static List<Holding> onDay(KnowledgeBase kb, LocalDate day, Filter filter) {
        List<Term> possible = kb.officials().terms().stream()
                .filter(filter::test)
                .filter(t -> t.possiblyOn(day))
                .sorted(order(kb))
                .toList();
        return possible.stream()
                .filter(t -> t.certainlyOn(day)
                        || possible.stream().noneMatch(o -> o != t && o.sameOffice(t) && o.certainlyOn(day)))
                .map(t -> new Holding(t, t.certainlyOn(day)))
                .toList();
    }

    /** The orders {@code cis officials --sort} offers. */
    public enum Sort {
        /** Office by office (in the KB's order of roles and bodies); the default. */
        OFFICE,
        /** By the start of the term, all offices together. */
        SINCE,
        /** By the holder's name. */
        NAME
    }

    /**
     * Every term that passes the filter, office by office, each office's terms in time order (a
     * history reads by date: the chairs of a council by year, not by the chairing state's name).
     */
    public static List<Term> history(KnowledgeBase kb, Filter filter) {
        return kb.officials().terms().stream()
                .filter(filter::test)
                .sorted(officeThenDate(kb))
                .toList();
    }

    /** Terms in the order asked for: {@code OFFICE} keeps the order they came in. */
    public static <T> List<T> sorted(List<T> items, java.util.function.Function<T, Term> term, Sort sort) {
        Comparator<Term> by = switch (sort) {
            case OFFICE -> null;
            case SINCE -> Comparator.comparing(Term::from);
            case NAME -> Comparator.comparing((Term t) -> t.person().name()).thenComparing(Term::from);
        };
        if (by == null) {
            return items;
        }
        return items.stream().sorted(Comparator.comparing(term, by)).toList();
    }

    private static Comparator<Term> officeThenDate(KnowledgeBase kb) {
        List<Role> roles = kb.officials().roles().all();
        List<Body> bodies = kb.bodies().all();
        // an office held per state (a foreign minister) is one office per state; a chair is one office
        return Comparator.comparingInt((Term t) -> Identity.indexOf(roles, t.role()))
                .thenComparingInt(t -> Identity.indexOf(bodies, t.body()))
                .thenComparing(
                        t -> t.role().perState() ? t.state().map(State::name).orElse("") : "")
                .thenComparing(Term::from);
    }

    /** A person's terms in time order. */
    public static List<Term> termsOf(KnowledgeBase kb, Person person) {
        return kb.officials().terms().stream()
                .filter(t -> t.person() == person)
                .sorted(Comparator.comparing(Term::from))
                .toList();
    }

    /** Offices in KB order of roles and bodies, then by state name, then by start. */
    private static Comparator<Term> order(KnowledgeBase kb) {
        List<Role> roles = kb.officials().roles().all();
        List<Body> bodies = kb.bodies().all();
        return Comparator.comparingInt((Term t) -> Identity.indexOf(roles, t.role()))
                .thenComparingInt(t -> Identity.indexOf(bodies, t.body()))
                .thenComparing(t -> t.state().map(State::name).orElse(""))
                .thenComparing(Term::from);
    }
}
