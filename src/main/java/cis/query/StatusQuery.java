package cis.query;

import cis.model.Condition;
import cis.model.KnowledgeBase;
import cis.model.State;
import cis.model.Status;
import cis.model.StatusPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** As-of logic over states: pure functions of the records and a date. */
public final class StatusQuery {
    /** How states are listed: by status (members first), then by name. */
    public static final Comparator<StateStatus> ORDER = new ByStatus();

    // Comparators as classes: this class is loaded on every status query, and Comparator.comparing's
    // lambdas are spun afresh by every JVM (a class-data archive does not keep them).
    private static final class ByStatus implements Comparator<StateStatus> {
        @Override
        public int compare(StateStatus a, StateStatus b) {
            int c = a.status().compareTo(b.status());
            return c != 0 ? c : a.state().name().compareTo(b.state().name());
        }
    }

    private static final class ByName implements Comparator<StateStatus> {
        @Override
        public int compare(StateStatus a, StateStatus b) {
            return a.state().name().compareTo(b.state().name());
        }
    }

    private static final class BySince implements Comparator<StateStatus> {
        @Override
        public int compare(StateStatus a, StateStatus b) {
            int c = a.since().orElse(LocalDate.MAX).compareTo(b.since().orElse(LocalDate.MAX));
            return c != 0 ? c : ORDER.compare(a, b);
        }
    }

    /** The orders {@code cis states --sort} offers. */
    public enum Sort {
        /** Members first, then associates, founding states, former members, non-members. */
        STATUS(ORDER),
        NAME(new ByName()),
        /** Longest in their status first; states with no recorded status last. */
        SINCE(new BySince());

        private final Comparator<StateStatus> order;

        Sort(Comparator<StateStatus> order) {
            this.order = order;
        }

        public Comparator<StateStatus> order() {
            return order;
        }
    }

    private StatusQuery() {}

    /** The state's status on {@code day}; before its first recorded period it is a non-member. */
    public static StateStatus of(State state, LocalDate day) {
        // loops, not streams: a pipeline asks this once per input row
        Optional<StatusPeriod> period = Optional.empty();
        for (StatusPeriod p : state.periods()) {
            if (p.contains(day)) {
                period = Optional.of(p);
                break;
            }
        }
        Status status = period.isPresent() ? period.get().status() : Status.NON_MEMBER;
        List<Condition> conditions = List.of();
        if (!state.conditions().isEmpty()) {
            List<Condition> holding = new ArrayList<>();
            for (Condition c : state.conditions()) {
                if (c.holdsOn(day)) {
                    holding.add(c);
                }
            }
            conditions = holding;
        }
        return new StateStatus(state, day, status, period, conditions);
    }

    /** Every state's status on {@code day}, keeping those whose status is in {@code only} (all when empty). */
    public static List<StateStatus> all(KnowledgeBase kb, LocalDate day, Set<Status> only) {
        return all(kb, day, only, Sort.STATUS);
    }

    /** {@link #all(KnowledgeBase, LocalDate, Set)} in another order. */
    public static List<StateStatus> all(KnowledgeBase kb, LocalDate day, Set<Status> only, Sort sort) {
        List<StateStatus> out = new ArrayList<>();
        for (State s : kb.states().all()) {
            StateStatus st = of(s, day);
            if (only.isEmpty() || only.contains(st.status())) {
                out.add(st);
            }
        }
        out.sort(sort.order());
        return out;
    }
}
