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
    public static final Comparator<StateStatus> ORDER = Comparator.comparing(StateStatus::status)
            .thenComparing(s -> s.state().name());

    /** The orders {@code cis states --sort} offers. */
    public enum Sort {
        /** Members first, then associates, founding states, former members, non-members. */
        STATUS(ORDER),
        NAME(Comparator.comparing(s -> s.state().name())),
        /** Longest in their status first; states with no recorded status last. */
        SINCE(Comparator.comparing((StateStatus s) -> s.since().orElse(LocalDate.MAX))
                .thenComparing(ORDER));

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
