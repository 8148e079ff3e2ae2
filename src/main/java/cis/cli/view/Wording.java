package cis.cli.view;

import cis.model.Condition;
import cis.model.PartialDate;
import cis.model.Status;
import cis.query.StateStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words people read for statuses and conditions, in one place: table cells, cards, the notes
 * of JSON rows and the names a status is looked up by all come from here.
 */
public final class Wording {
    private Wording() {}

    /**
     * A period as people read it, with an inclusive end: the KB's {@code to} is the first day after
     * (2026-01-01 to 2029-01-01 reads "2026-01-01 to 2028-12-31"). An end known only to the month or
     * year has no day before it to name, so it reads "until 2026". No end: "to now".
     */
    public static String range(PartialDate from, Optional<PartialDate> to) {
        return from
                + to.map(t -> t.isFull() ? " to " + t.earliest().minusDays(1) : " until " + t)
                        .orElse(" to now");
    }

    /** {@link #range(PartialDate, Optional)} for full dates. */
    public static String range(LocalDate from, Optional<LocalDate> to) {
        return from + to.map(t -> " to " + t.minusDays(1)).orElse(" to now");
    }

    /** How a person reads a status: "associate member". */
    public static String label(Status s) {
        return switch (s) {
            case MEMBER -> "member state";
            case ASSOCIATE_MEMBER -> "associate member";
            case FOUNDING_STATE -> "founding state";
            case FORMER_MEMBER -> "former member";
            case NON_MEMBER -> "non-member";
            case OBSERVER -> "observer";
        };
    }

    /** One sentence on what a status means. */
    public static String meaning(Status s) {
        return switch (s) {
            case MEMBER -> "a full member: bound by the CIS Charter and entitled to take part in all CIS bodies";
            case ASSOCIATE_MEMBER ->
                "takes part in some CIS activities on the terms of an association agreement "
                        + "(Charter art. 8); not a member state";
            case FOUNDING_STATE ->
                "party to the 1991 Creation Agreement that never took on the Charter; " + "not a member state";
            case FORMER_MEMBER -> "was a member state and has withdrawn";
            case NON_MEMBER -> "not a party to the CIS founding documents";
            case OBSERVER -> "attends CIS bodies as an observer, without membership";
        };
    }

    /** A condition in a few words, for a table cell: "not participating since 2018-05-19". */
    public static String note(Condition c) {
        return switch (c.kind()) {
            case WITHDRAWAL_STARTED -> "withdrawal under way since " + c.from() + ", no notice known yet";
            case WITHDRAWAL_PENDING ->
                c.to().map(t -> "withdrawal pending, effective " + t)
                        .orElse("withdrawal pending since " + c.from() + ", effective date not yet known");
            case PARTICIPATION_ENDED -> "not participating since " + c.from();
            case PARTICIPATION_SUSPENDED -> "participation suspended since " + c.from();
        };
    }

    /** A condition's heading and dates, for a card's "Withdrawal" or "Participation" line. */
    public static String cardLine(Condition c) {
        return switch (c.kind()) {
            case WITHDRAWAL_STARTED ->
                "under way since " + c.from() + "; no written notice known, so no date it would take effect";
            case WITHDRAWAL_PENDING ->
                "pending since " + c.from()
                        + c.to().map(t -> ", effective " + t).orElse(", effective date not yet known");
            case PARTICIPATION_ENDED -> "ended " + c.from();
            case PARTICIPATION_SUSPENDED -> "suspended since " + c.from();
        };
    }

    /** The key a card shows a condition under. */
    public static String cardKey(Condition c) {
        return switch (c.kind()) {
            case WITHDRAWAL_STARTED, WITHDRAWAL_PENDING -> "Withdrawal";
            case PARTICIPATION_ENDED, PARTICIPATION_SUSPENDED -> "Participation";
        };
    }

    /** Short notes for a state's row: its conditions, and a disputed or missing start. */
    public static List<String> notes(StateStatus s) {
        if (s.conditions().isEmpty()
                && s.period().isPresent()
                && !s.period().get().uncertain()) {
            return List.of(); // most rows: nothing to note
        }
        List<String> notes = new ArrayList<>();
        for (Condition c : s.conditions()) {
            notes.add(note(c));
        }
        if (s.period().isEmpty()) {
            notes.add(noRecordBefore(s));
        } else if (s.period().get().uncertain()) {
            notes.add("start date disputed");
        }
        return notes;
    }

    /** A day before the KB's first record of a state. */
    public static String noRecordBefore(StateStatus s) {
        return "no record before " + s.state().periods().get(0).from();
    }
}
