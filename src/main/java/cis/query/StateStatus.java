package cis.query;

import cis.model.Condition;
import cis.model.Identity;
import cis.model.State;
import cis.model.Status;
import cis.model.StatusPeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A state's relation to the CIS on one day: the status, the period it belongs to (empty before
 * the KB's first record for the state), and the conditions that hold alongside it.
 */
public record StateStatus(
        State state, LocalDate asOf, Status status, Optional<StatusPeriod> period, List<Condition> conditions) {
    public StateStatus {
        conditions = List.copyOf(conditions);
    }

    public Optional<LocalDate> since() {
        return period.map(StatusPeriod::from);
    }

    /** The period before the current one, if any: "founding state 1991-12-26 to 2005-08-26". */
    public Optional<StatusPeriod> previous() {
        List<StatusPeriod> all = state.periods();
        int i = period.map(p -> Identity.indexOf(all, p)).orElse(-1);
        return i > 0 ? Optional.of(all.get(i - 1)) : Optional.empty();
    }

    /** The next recorded change after {@code asOf}, if the KB knows one. */
    public Optional<StatusPeriod> next() {
        return state.periods().stream().filter(p -> p.from().isAfter(asOf)).findFirst();
    }
}
