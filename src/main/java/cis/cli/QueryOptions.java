package cis.cli;

import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.render.Format;
import cis.render.Output;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every query command takes, and the one way commands reach the KB and the output. */
@Command
public final class QueryOptions {
    public enum ColorMode {
        AUTO,
        ALWAYS,
        NEVER
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = Converters.Date.class,
            description = "Answer as of this day: YYYY-MM-DD; YYYY-MM or YYYY for the last day of that month or year; "
                    + "today or yesterday. Default: today.")
    DateSpec asOf;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            converter = Converters.FormatConverter.class,
            completionCandidates = Candidates.Formats.class,
            description = "table, plain, json, yaml, csv, tsv, markdown (sessions also ics). Default: table on a "
                    + "terminal, plain otherwise.")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(
            names = "--fields",
            paramLabel = "F[,F…]",
            split = ",",
            description = "Only these columns (or JSON keys), in this order, e.g. --fields name,status,since.")
    List<String> fields = new ArrayList<>();

    @Option(
            names = "--jq",
            paramLabel = "EXPR",
            description = "Apply a jq program to the JSON answer (implies --json); strings print as they are.")
    String jq;

    @Option(names = "--no-header", description = "Leave out the header row (table, tsv, csv).")
    boolean noHeader;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            converter = Converters.ColorConverter.class,
            completionCandidates = Candidates.Colors.class,
            description = "auto, always or never. Default: auto (colour on a terminal unless NO_COLOR is set).")
    ColorMode color = ColorMode.AUTO;

    @Option(
            names = "--data",
            paramLabel = "PATH",
            description = "Use the knowledge base in this directory instead of the bundled one (also: CIS_DATA).")
    Path data;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show details of errors, including stack traces.")
    boolean verbose;

    CisCommand root() {
        return (CisCommand) mixee.root().userObject();
    }

    CliContext context() {
        return root().context();
    }

    /** The day the question is about. */
    public LocalDate day() {
        return asOf != null ? asOf.last(context().today()) : context().today();
    }

    /** Whether the user named the day (as opposed to today by default). */
    boolean dayGiven() {
        return asOf != null;
    }

    /** The KB with at least these parts loaded. */
    public KnowledgeBase kb(KbPart... parts) {
        KnowledgeBase kb = root().knowledgeBase(
                        Optional.ofNullable(data),
                        parts.length == 0
                                ? EnumSet.noneOf(KbPart.class)
                                : EnumSet.copyOf(java.util.Arrays.asList(parts)),
                        this::note);
        LocalDate known = knownUpTo(kb.meta());
        if (asOf != null && day().isAfter(known)) {
            // An answer about a day the sources never covered is a guess that nothing changed: say so.
            context()
                    .err()
                    .print("cis: note: " + day() + " is after " + freshness(kb.meta())
                            + "; anything that changed since is not known.\n");
            context().err().flush();
        }
        return kb;
    }

    /** A detail only --verbose shows: why a cache was not used, for instance. */
    void note(String message) {
        if (verbose) {
            context().err().print("cis: " + message + "\n");
            context().err().flush();
        }
    }

    /** The last day the KB can speak for: the latest day its sources cover, else the day it was reviewed. */
    static LocalDate knownUpTo(KbMeta meta) {
        return meta.sourcesUpTo().orElse(meta.reviewed());
    }

    /** "the latest day the KB's sources cover (2026-04-17)", or the review date when no such day is given. */
    static String freshness(KbMeta meta) {
        return meta.sourcesUpTo()
                .map(d -> "the latest day the KB's sources cover (" + d + ")")
                .orElse("the day the facts were last reviewed (" + meta.reviewed() + ")");
    }

    /** Whether the user chose a format, as opposed to the terminal/pipe default. */
    public boolean formatChosen() {
        return json || format != null;
    }

    public Output output() {
        CliContext ctx = context();
        if (json && format != null && format != Format.JSON) {
            throw CliException.usage(
                    "--json and --format " + format.id() + " contradict each other", "Use one of them.");
        }
        if (format == Format.ICS && !(mixee.userObject() instanceof WritesCalendar)) {
            throw CliException.usage(
                    "--format ics is only for 'cis sessions'",
                    "Use table, plain, json, yaml, csv, tsv " + "or markdown here.");
        }
        if (jq != null && format != null && format != Format.JSON) {
            throw CliException.usage("--jq works on JSON, not --format " + format.id(), "Drop --format.");
        }
        if (jq != null) {
            Jq program = Jq.compile(jq);
            java.io.StringWriter json = new java.io.StringWriter();
            root().afterRun(() -> program.apply(json.toString(), ctx.out()));
            return new Output(new java.io.PrintWriter(json), Format.JSON, true, false, ctx.terminalWidth(), fields);
        }
        Format f = json ? Format.JSON : format != null ? format : ctx.stdoutIsTerminal() ? Format.TABLE : Format.PLAIN;
        boolean useColor = f == Format.TABLE
                && switch (color) {
                    case ALWAYS -> true;
                    case NEVER -> false;
                    case AUTO ->
                        ctx.stdoutIsTerminal()
                                && !ctx.env().containsKey("NO_COLOR")
                                && !"dumb".equals(ctx.env().get("TERM"));
                };
        return new Output(ctx.out(), f, !noHeader, useColor, ctx.terminalWidth(), fields);
    }
}
