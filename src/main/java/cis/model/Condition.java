package cis.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact that rides alongside a status without replacing it: a withdrawal under way, or
 * participation in CIS bodies ended or suspended. {@code to} is exclusive, as for periods.
 */
public record Condition(Kind kind, PartialDate from, Optional<PartialDate> to, String text, List<Source> sources) {

    public enum Kind {
        /** Steps to leave are taken (a decision, a law) but no written notice is known: the clock has not started. */
        WITHDRAWAL_STARTED("withdrawal-started"),
        /** Written notice given: the state leaves when it takes effect (Charter art. 9: twelve months on). */
        WITHDRAWAL_PENDING("withdrawal-pending"),
        PARTICIPATION_ENDED("participation-ended"),
        PARTICIPATION_SUSPENDED("participation-suspended");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Condition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        sources = List.copyOf(sources);
    }

    /**
     * Whether the condition certainly holds on {@code day}. A start known only to the month or year
     * counts from the last day it can mean, an end from the first: the CLI never claims more than the
     * sources do.
     */
    public boolean holdsOn(LocalDate day) {
        return PartialDate.certainlyWithin(day, from, to);
    }
}
