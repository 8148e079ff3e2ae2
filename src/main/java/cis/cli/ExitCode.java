package cis.cli;

/** The exit codes, the same for every command (documented in the README and in --help). */
public final class ExitCode {
    public static final int OK = 0;
    /** {@code --is} did not hold; {@code update --check}: a newer knowledge base is published. */
    public static final int CHECK_FAILED = 1;

    public static final int USAGE = 2;
    /** A name matched nothing, or more than one thing. */
    public static final int NOT_FOUND = 3;
    /** The knowledge base (or a bundle of one) is invalid or unreadable. */
    public static final int KB_INVALID = 4;

    public static final int INTERNAL = 5;
    /** {@code cis update}: the source could not be reached or read (network, proxy, timeout, HTTP error). */
    public static final int UNREACHABLE = 6;

    private ExitCode() {}

    /** The footer of every help page. */
    public static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0  ok (an empty answer too)%n"
            + "  1  --is did not hold; update --check:%n"
            + "     a newer knowledge base exists%n"
            + "  2  usage error%n"
            + "  3  not found or ambiguous%n"
            + "  4  knowledge base (or bundle) invalid%n"
            + "     or unreadable%n"
            + "  5  internal error (rerun with --verbose),%n"
            + "     or the output could not be written%n"
            + "  6  update source unreachable (network,%n"
            + "     proxy, timeout, HTTP error)%n";
}
