package cis.render;

/** The few ANSI styles the tool uses; what each means stays the same across commands. */
public enum Style {
    NONE(""),
    BOLD("1"),
    DIM("2"),
    GREEN("32"),
    YELLOW("33"),
    RED("31"),
    CYAN("36");

    private final String sgr;

    Style(String sgr) {
        this.sgr = sgr;
    }

    public String apply(String text, boolean color) {
        return !color || sgr.isEmpty() || text.isEmpty() ? text : "\u001b[" + sgr + "m" + text + "\u001b[0m";
    }
}
