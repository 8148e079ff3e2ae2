package cis.render;

import java.util.Objects;

/** One table cell: its text and how it looks on a colour terminal. */
public record Cell(String text, Style style) {
    public Cell {
        text = text == null ? "" : text;
        Objects.requireNonNull(style, "style");
    }

    public static Cell of(Object value) {
        return new Cell(value == null ? "" : value.toString(), Style.NONE);
    }

    public static Cell of(Object value, Style style) {
        return new Cell(value == null ? "" : value.toString(), style);
    }
}
