package cis.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A meeting of a CIS council: when, where, what kind, and whether it took place. */
public record Session(
        String id,
        Body body,
        PartialDate date,
        Optional<LocalDate> end,
        Optional<City> city,
        Optional<State> country,
        Kind kind,
        Status status,
        Optional<PartialDate> movedTo,
        Optional<State> chair,
        List<State> participants,
        Optional<String> title,
        Optional<String> note,
        boolean uncertain,
        List<Source> sources) {

    public enum Kind {
        REGULAR,
        INFORMAL,
        EXTRAORDINARY,
        JOINT,
        VIDEO,
        FOUNDING,
        NARROW;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Status {
        HELD,
        SCHEDULED,
        POSTPONED,
        CANCELLED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(movedTo, "movedTo");
        Objects.requireNonNull(chair, "chair");
        participants = List.copyOf(participants);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(note, "note");
        sources = List.copyOf(sources);
    }

    /** The last day of the session: its end, else its (earliest) date. */
    public LocalDate lastDay() {
        return end.orElse(date.isFull() ? date.earliest() : date.latest());
    }
}
