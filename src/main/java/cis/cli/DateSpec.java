package cis.cli;

import cis.model.PartialDate;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A day as the user writes it: {@code YYYY-MM-DD}; {@code YYYY-MM} or {@code YYYY}, which stand for
 * a period (as of a period means as of its last day; a range starting at one starts on its first);
 * {@code today} or {@code yesterday}, which need the clock to become a day.
 */
record DateSpec(Optional<PartialDate> date, int daysAgo) {
    static final String FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, today or yesterday";

    /** The spec in {@code text}; an {@link IllegalArgumentException} that says what is expected. */
    static DateSpec parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("today")) {
            return new DateSpec(Optional.empty(), 0);
        }
        if (t.equals("yesterday")) {
            return new DateSpec(Optional.empty(), 1);
        }
        // four-digit years only: no "+10000-01-01", no "-2024-01-01"; strict: 2023-02-30 is refused
        Optional<PartialDate> d = t.length() == 10
                ? PartialDate.parseFull(t).map(PartialDate::of)
                : t.length() == 4 || t.length() == 7 ? PartialDate.parse(t) : Optional.empty();
        if (d.isPresent()) {
            return new DateSpec(d, 0);
        }
        throw new IllegalArgumentException("'" + text + "' is not a date; use " + FORMS + ", e.g. 2005-08-26");
    }

    /** The day {@code text} means as of, read the quick way for a full date (one per input row). */
    static LocalDate lastDay(String text, LocalDate today) {
        if (text.length() == 10) {
            Optional<LocalDate> day = PartialDate.parseFull(text);
            if (day.isPresent()) {
                return day.get();
            }
        }
        return parse(text).last(today);
    }

    /** The day it means as of: the day itself, or the last day of a month or year. */
    LocalDate last(LocalDate today) {
        return date.map(PartialDate::latest).orElse(today.minusDays(daysAgo));
    }

    /** The day a range starting at it starts: the day itself, or the first day of a month or year. */
    LocalDate first(LocalDate today) {
        return date.map(PartialDate::earliest).orElse(today.minusDays(daysAgo));
    }
}
