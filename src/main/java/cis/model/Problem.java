package cis.model;

import java.util.Comparator;

/** One thing wrong with a knowledge base, reported as {@code file:line:col: message}. */
public record Problem(Location location, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(
                    (Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparing(Problem::message);

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
