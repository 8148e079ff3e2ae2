package cis.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the day, the month or only the year ({@code 1994-04-08}, {@code 2022-02},
 * {@code 1994}). Sources often give no day; the KB never invents one.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
    /** In a holder: records are decoded on every run, and only parsing text needs the pattern. */
    private static final class Shape {
        static final Pattern PATTERN = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    }

    /** {@code month} and {@code day} are 0 when unknown. */
    public PartialDate {
        if (month == 0 && day != 0) {
            throw new IllegalArgumentException("a day without a month");
        }
        earliestOf(year, month, day); // validates
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty if it is none of these or does not exist. */
    public static Optional<PartialDate> parse(String text) {
        Matcher m = Shape.PATTERN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return Optional.of(new PartialDate(year, month, day));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a full ISO date strictly: 2023-02-30 is rejected, not rolled over. */
    public static Optional<LocalDate> parseFull(String text) {
        String t = text.strip();
        // four-digit years only: no "+10000-01-01", no "-2024-01-01"; read by hand, as a pipeline
        // parses one per input row and a regex or a formatter costs more than the rest of the row
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return Optional.empty();
        }
        int y = digits(t, 0, 4);
        int m = digits(t, 5, 7);
        int d = digits(t, 8, 10);
        if (y < 0 || m < 0 || d < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(y, m, d)); // strict: 2023-02-30 is refused, not rolled over
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number in {@code t[from, to)} when it is all ASCII digits, else -1. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Whether {@code day} certainly falls in [{@code from}, {@code to}) when the dates may be known
     * only to the month or year: after the last day the start can mean, before the first day the
     * end can mean. The CLI never claims more than the sources do.
     */
    public static boolean certainlyWithin(LocalDate day, PartialDate from, Optional<PartialDate> to) {
        return !day.isBefore(from.latest())
                && to.map(t -> day.isBefore(t.earliest())).orElse(true);
    }

    public boolean isFull() {
        return day != 0;
    }

    /** The first day the date can mean. */
    public LocalDate earliest() {
        return earliestOf(year, month, day);
    }

    /** The last day the date can mean. */
    public LocalDate latest() {
        if (day != 0) {
            return LocalDate.of(year, month, day);
        }
        if (month != 0) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        return LocalDate.of(year, 12, 31);
    }

    private static LocalDate earliestOf(int year, int month, int day) {
        return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = earliest().compareTo(o.earliest());
        return c != 0 ? c : latest().compareTo(o.latest());
    }

    @Override
    public String toString() {
        if (day != 0) {
            return String.format("%04d-%02d-%02d", year, month, day);
        }
        return month != 0 ? String.format("%04d-%02d", year, month) : String.format("%04d", year);
    }
}
