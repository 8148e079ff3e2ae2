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
            case SINCE -> new ByStart();
            case NAME -> new ByName();
        };
        if (by == null) {
            return items;
        }
        return items.stream().sorted(Comparator.comparing(term, by)).toList();
    }

    // Comparators as classes: 'cis officials' sorts on every run, and Comparator.comparing's lambdas
    // are spun afresh by every JVM (a class-data archive does not keep them).
    private static final class ByStart implements Comparator<Term> {
        @Override
        public int compare(Term a, Term b) {
            return a.from().compareTo(b.from());
        }
    }

    private static final class ByName implements Comparator<Term> {
        @Override
        public int compare(Term a, Term b) {
            int c = a.person().name().compareTo(b.person().name());
            return c != 0 ? c : a.from().compareTo(b.from());
        }
    }

    /** By role and body in KB order, then by state name (always, or only for offices held per state), then by start. */
    private static final class ByOffice implements Comparator<Term> {
        private final List<Role> roles;
        private final List<Body> bodies;
        private final boolean stateOnlyPerState;

        ByOffice(KnowledgeBase kb, boolean stateOnlyPerState) {
            this.roles = kb.officials().roles().all();
            this.bodies = kb.bodies().all();
            this.stateOnlyPerState = stateOnlyPerState;
        }

        @Override
        public int compare(Term a, Term b) {
            int c = Integer.compare(Identity.indexOf(roles, a.role()), Identity.indexOf(roles, b.role()));
            if (c == 0) {
                c = Integer.compare(Identity.indexOf(bodies, a.body()), Identity.indexOf(bodies, b.body()));
            }
            if (c == 0) {
                c = state(a).compareTo(state(b));
            }
            return c != 0 ? c : a.from().compareTo(b.from());
        }

        private String state(Term t) {
            return stateOnlyPerState && !t.role().perState()
                    ? ""
                    : t.state().isPresent() ? t.state().get().name() : "";
        }
    }

    private static Comparator<Term> officeThenDate(KnowledgeBase kb) {
        // an office held per state (a foreign minister) is one office per state; a chair is one office
        return new ByOffice(kb, true);
    }

    /** A person's terms in time order. */
    public static List<Term> termsOf(KnowledgeBase kb, Person person) {
        return kb.officials().terms().stream()
                .filter(t -> t.person() == person)
                .sorted(new ByStart())
                .toList();
    }

    /** Offices in KB order of roles and bodies, then by state name, then by start. */
    private static Comparator<Term> order(KnowledgeBase kb) {
        return new ByOffice(kb, false);
    }
}
