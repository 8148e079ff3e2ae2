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

    private StatusQuery() {}

    /** The state's status on {@code day}; before its first recorded period it is a non-member. */
    public static StateStatus of(State state, LocalDate day) {
        Optional<StatusPeriod> period =
                state.periods().stream().filter(p -> p.contains(day)).findFirst();
        Status status = period.map(StatusPeriod::status).orElse(Status.NON_MEMBER);
        List<Condition> conditions =
                state.conditions().stream().filter(c -> c.holdsOn(day)).toList();
        return new StateStatus(state, day, status, period, conditions);
    }

    /** Every state's status on {@code day}, keeping those whose status is in {@code only} (all when empty). */
    public static List<StateStatus> all(KnowledgeBase kb, LocalDate day, Set<Status> only) {
        List<StateStatus> out = new ArrayList<>();
        for (State s : kb.states().all()) {
            StateStatus st = of(s, day);
            if (only.isEmpty() || only.contains(st.status())) {
                out.add(st);
            }
        }
        out.sort(ORDER);
        return out;
    }
}
