package cis.cli;

import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of the commands that answer about a day: the day, and the look of a terminal table. */
@Command
public final class QueryOptions extends OutputOptions {
    @Option(
            names = "--as-of",
            order = 100,
            paramLabel = "DATE",
            converter = Converters.Date.class,
            description = "Answer as of this day: YYYY-MM-DD; YYYY-MM or YYYY for the last day of that month or year; "
                    + "today or yesterday. Default: today.")
    DateSpec asOf;

    @Option(names = "--no-header", order = 105, description = "Leave out the header row (table, tsv, csv).")
    boolean noHeader;

    @Option(
            names = "--color",
            order = 106,
            paramLabel = "WHEN",
            converter = Converters.ColorConverter.class,
            completionCandidates = Candidates.Colors.class,
            description = "auto, always or never. Default: auto (colour on a terminal, unless NO_COLOR is set and not "
                    + "empty, or TERM is dumb).")
    ColorMode color;

    @Option(names = "--no-color", order = 107, description = "Same as --color never.")
    boolean noColor;

    @Override
    public LocalDate day() {
        return asOf != null ? asOf.last(context().today()) : context().today();
    }

    @Override
    boolean dayGiven() {
        return asOf != null;
    }

    @Override
    boolean header() {
        return !noHeader;
    }

    @Override
    ColorMode colorMode() {
        if (noColor && color != null && color != ColorMode.NEVER) {
            throw CliException.usage(
                    "--no-color and --color " + color.name().toLowerCase(java.util.Locale.ROOT)
                            + " contradict each other",
                    "Use one of them.");
        }
        return noColor ? ColorMode.NEVER : color != null ? color : ColorMode.AUTO;
    }
}
