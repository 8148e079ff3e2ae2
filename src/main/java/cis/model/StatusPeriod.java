package cis.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A status that held from {@code from} (inclusive) until {@code to} (exclusive: the first day it
 * no longer held, which is the next period's {@code from}); an open period still holds.
 */
public record StatusPeriod(
        Status status,
        LocalDate from,
        Optional<LocalDate> to,
        Optional<String> note,
        boolean uncertain,
        List<Source> sources) {
    public StatusPeriod {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(note, "note");
        sources = List.copyOf(sources);
        if (to.isPresent() && !to.get().isAfter(from)) {
            throw new IllegalArgumentException("period ends on or before it starts");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && to.map(day::isBefore).orElse(true);
    }
}
