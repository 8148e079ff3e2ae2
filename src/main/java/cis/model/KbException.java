package cis.model;

import java.util.List;

/** The knowledge base cannot be used: unreadable, or invalid with the listed problems. */
public final class KbException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public KbException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
