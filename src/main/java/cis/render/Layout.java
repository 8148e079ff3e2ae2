package cis.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a table's columns into a width. The steps, each taken only when the one before is not
 * enough: the table's main text column (its first wrapping column: a note) narrows to its longest
 * word, then the other wrapping columns to theirs (up to {@value #MIN_WRAP}); one-line
 * columns are cut with "…" to their header or {@value #SOFT_MIN} columns (so dates, codes and
 * statuses stay whole); the table's droppable columns are left out, least important first (each
 * time the others get their width back); then wrapping columns break words and every column
 * narrows to {@value #MIN_COLUMN}, and what still does not fit is left out from the right. Within
 * a step the widest column gives first, so the width is shared fairly.
 */
final class Layout {
    static final int HIDDEN = -1;
    static final int MIN_WRAP = 16;
    static final int SOFT_MIN = 12;
    static final int MIN_COLUMN = 4;

    /** The measures of one column: its widest line, its header and its longest word. */
    record Column(int natural, int header, int longestWord, boolean wraps, boolean givesFirst) {}

    private final int[] widths;

    private Layout(int[] widths) {
        this.widths = widths;
    }

    /** The width of a column, or {@link #HIDDEN} when it is left out. */
    int width(int column) {
        return widths[column];
    }

    boolean shown(int column) {
        return widths[column] != HIDDEN;
    }

    static Layout fit(List<Column> columns, List<Integer> droppable, int gap, int width) {
        int n = columns.size();
        for (int dropped = 0; dropped <= droppable.size(); dropped++) {
            int[] w = natural(columns);
            for (int d : droppable.subList(0, dropped)) {
                w[d] = HIDDEN;
            }
            int excess = total(w, gap) - width;
            excess = narrow(w, columns, excess, c -> c.givesFirst() ? wordWidth(c) : c.natural());
            excess = narrow(w, columns, excess, c -> c.wraps() ? wordWidth(c) : c.natural());
            excess = narrow(w, columns, excess, c -> c.wraps() ? wordWidth(c) : softWidth(c));
            if (excess <= 0) {
                return new Layout(w);
            }
        }
        int[] w = natural(columns);
        for (int d : droppable) {
            w[d] = HIDDEN;
        }
        int excess = total(w, gap) - width;
        excess = narrow(w, columns, excess, c -> c.wraps() ? wordWidth(c) : softWidth(c));
        excess = narrow(w, columns, excess, c -> c.wraps() ? Math.min(c.natural(), MIN_COLUMN) : softWidth(c));
        excess = narrow(w, columns, excess, c -> Math.min(c.natural(), MIN_COLUMN));
        for (int i = n - 1; i > 0 && excess > 0; i--) {
            if (w[i] != HIDDEN) {
                w[i] = HIDDEN;
                excess = total(w, gap) - width;
            }
        }
        for (int i = 0; i < n; i++) { // one column left: it gets the whole width
            if (w[i] != HIDDEN && excess > 0) {
                w[i] = Math.max(1, w[i] - excess);
                excess = 0;
            }
        }
        return new Layout(w);
    }

    private static int[] natural(List<Column> columns) {
        int[] w = new int[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = columns.get(i).natural();
        }
        return w;
    }

    /** A wrapping column keeps its header and its longest word (a word longer than MIN_WRAP is cut). */
    private static int wordWidth(Column c) {
        return Math.min(c.natural(), Math.max(c.header(), Math.min(c.longestWord(), MIN_WRAP)));
    }

    private static int softWidth(Column c) {
        return Math.min(c.natural(), Math.max(c.header(), SOFT_MIN));
    }

    private static int total(int[] w, int gap) {
        int total = 0;
        int shown = 0;
        for (int x : w) {
            if (x != HIDDEN) {
                total += x;
                shown++;
            }
        }
        return total + gap * Math.max(0, shown - 1);
    }

    /** Takes one column at a time from the widest shown column not yet at its floor; returns the excess left. */
    private static int narrow(
            int[] w, List<Column> columns, int excess, java.util.function.ToIntFunction<Column> floor) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i] != HIDDEN) {
                open.add(i);
            }
        }
        while (excess > 0) {
            int widest = -1;
            for (int i : open) {
                if (w[i] > floor.applyAsInt(columns.get(i)) && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return excess;
            }
            w[widest]--;
            excess--;
        }
        return excess;
    }
}
