package cis.render;

import java.util.Locale;

/** The output formats. TABLE is for people; the others are contracts that scripts may rely on. */
public enum Format {
    TABLE,
    PLAIN,
    JSON,
    YAML,
    CSV,
    TSV,
    MARKDOWN,
    /** iCalendar, for {@code cis sessions} only. */
    ICS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** JSON and YAML print the data as a tree; the others print rows. */
    public boolean isTree() {
        return this == JSON || this == YAML;
    }
}
