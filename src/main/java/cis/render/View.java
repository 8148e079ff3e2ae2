package cis.render;

import java.util.List;
import java.util.Optional;

/**
 * How answers of one kind look in every format: the one contract between a command's domain view
 * and the writers. {@link Output#print} walks the formats once, for every command.
 *
 * @param <T> what is answered: a state's status, an office holder, a session, a problem…
 */
public interface View<T> {
    /** The headers, wrapping columns and line limit of the row formats (the table may differ). */
    Table shape(Format format);

    /** The rows of one answer in a row format: usually one; a timeline has one per event. */
    List<List<Cell>> rows(T item, Format format);

    /** One answer as a JSON or YAML object. */
    Object tree(T item);

    /** Whether answers are shown as cards (or lines) of their own in this format, not as rows. */
    default boolean cards(Format format) {
        return false;
    }

    /** One answer as a card, when {@link #cards} says so. */
    default void card(T item, Output out) {
        throw new UnsupportedOperationException("no card for " + item);
    }

    /** What separates two cards: a blank line by default. */
    default String cardSeparator() {
        return "\n";
    }

    /** A last line under a terminal table: the day the answer is for, for instance. */
    default Optional<String> footer() {
        return Optional.empty();
    }
}
