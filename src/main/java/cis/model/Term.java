package cis.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's time in an office. {@code to} is exclusive (the first day out of office) and may
 * lie in the future, at the end of a fixed term; dates may be known only to the month or year.
 */
public record Term(
        Person person,
        Role role,
        Body body,
        Optional<State> state,
        Optional<String> title,
        PartialDate from,
        Optional<PartialDate> to,
        List<State> coChairs,
        Optional<String> note,
        boolean uncertain,
        List<Source> sources) {
    public Term {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        coChairs = List.copyOf(coChairs);
        Objects.requireNonNull(note, "note");
        sources = List.copyOf(sources);
    }

    /** In office for certain on {@code day}: after the last day the start can mean, before the first the end can. */
    public boolean certainlyOn(LocalDate day) {
        return PartialDate.certainlyWithin(day, from, to);
    }

    /** Perhaps in office on {@code day}: the day falls within what the imprecise dates allow. */
    public boolean possiblyOn(LocalDate day) {
        return !day.isBefore(from.earliest())
                && to.map(t -> day.isBefore(t.latest())).orElse(true);
    }

    /** The same office: one role of one body, and for per-state roles (ministers) of one state. */
    @SuppressWarnings("ReferenceEquality") // records are shared, never copied: identity is their equality
    public boolean sameOffice(Term o) {
        return role == o.role && body == o.body && (!role.perState() || state.equals(o.state));
    }

    /** Two terms that certainly share a day. */
    public boolean overlaps(Term o) {
        LocalDate aStart = from.latest();
        LocalDate bStart = o.from.latest();
        boolean aEndsBeforeB = to.map(t -> !t.earliest().isAfter(bStart)).orElse(false);
        boolean bEndsBeforeA = o.to.map(t -> !t.earliest().isAfter(aStart)).orElse(false);
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
