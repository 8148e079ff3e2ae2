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

/**
 * The options of every command that prints an answer (format, fields, jq, the KB, the pager), and
 * the one way commands reach the KB and the output. {@link QueryOptions} adds the day asked about
 * and the look of a terminal table; {@code validate} has only these.
 */
@Command
public class OutputOptions {
    public enum ColorMode {
        AUTO,
        ALWAYS,
        NEVER
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-o", "--format"},
            order = 101,
            paramLabel = "FORMAT",
            converter = Converters.FormatConverter.class,
            completionCandidates = Candidates.Formats.class,
            description = "${COMPLETION-CANDIDATES}. Default: table on a terminal, plain otherwise.")
    Format format;

    @Option(names = "--json", order = 102, description = "Same as --format json.")
    boolean json;

    @Option(
            names = "--fields",
            order = 103,
            paramLabel = "F[,F…]",
            split = ",",
            hideParamSyntax = true,
            description = "Only these columns (or JSON keys), in this order, e.g. --fields name,status,since.")
    List<String> fields = new ArrayList<>();

    @Option(
            names = "--jq",
            order = 104,
            paramLabel = "EXPR",
            description = "Apply a jq program to the JSON answer (implies --json); strings print as they are.")
    String jq;

    @Option(
            names = "--data",
            order = 109,
            paramLabel = "PATH",
            description =
                    "Use the knowledge base in this directory, not the installed or bundled one (also: CIS_DATA).")
    Path data;

    @Option(
            names = {"-v", "--verbose"},
            order = 110,
            description = "Show details of errors, including stack traces.")
    boolean verbose;

    @Option(
            names = "--no-pager",
            order = 108,
            description = "Print straight to the terminal, never through a pager ($CIS_PAGER, $PAGER or less).")
    boolean noPager;

    CisCommand root() {
        return (CisCommand) mixee.root().userObject();
    }

    CliContext context() {
        return root().context();
    }

    /** The day the question is about: today, unless {@link QueryOptions} is told another. */
    public LocalDate day() {
        return context().today();
    }

    /** Whether the user named the day (as opposed to today by default). */
    boolean dayGiven() {
        return false;
    }

    /** Whether a table has a header row. */
    boolean header() {
        return true;
    }

    /** When a terminal table may be coloured. */
    ColorMode colorMode() {
        return ColorMode.AUTO;
    }

    /** The KB with at least these parts loaded. */
    public KnowledgeBase kb(KbPart... parts) {
        KnowledgeBase kb = root().knowledgeBase(
                        Optional.ofNullable(data),
                        parts.length == 0
                                ? EnumSet.noneOf(KbPart.class)
                                : EnumSet.copyOf(java.util.Arrays.asList(parts)),
                        this::note,
                        new Warnings());
        LocalDate known = knownUpTo(kb.meta());
        if (dayGiven() && day().isAfter(known)) {
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

    /** What the user must hear even without --verbose: the KB answering is not the one they chose. */
    void warn(String message) {
        context().err().print("cis: warning: " + message + "\n");
        context().err().flush();
    }

    /** {@link #warn}, as a class rather than a method reference: no lambda is linked on a query's path. */
    private final class Warnings implements java.util.function.Consumer<String> {
        @Override
        public void accept(String message) {
            warn(message);
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

    /**
     * Whether the environment lets a terminal have colour: not when NO_COLOR has a value (an empty
     * NO_COLOR does not count, as no-color.org says) or the terminal is dumb.
     */
    public static boolean colorWanted(java.util.Map<String, String> env) {
        return env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
    }

    /** Whether a long answer may go through a pager (not while a person types names on stdin). */
    private boolean pageable = true;

    /** Prints as the answer comes: for input typed a line at a time, which a pager would hold back. */
    void neverPage() {
        pageable = false;
    }

    private void pageAfterRun(java.io.StringWriter page) {
        if (page != null) {
            CliContext ctx = context();
            root().afterRun(() -> Pager.show(page.toString(), ctx));
        }
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
        java.io.PrintWriter sink = ctx.out();
        java.io.StringWriter page = null;
        if (pageable && !noPager && ctx.stdoutIsTerminal() && ctx.terminalHeight() > 0) {
            page = new java.io.StringWriter(); // shown, or paged, once the command is done
            sink = new java.io.PrintWriter(page);
        }
        if (jq != null) {
            Jq program = Jq.compile(jq);
            java.io.StringWriter json = new java.io.StringWriter();
            java.io.PrintWriter jqOut = sink;
            root().afterRun(() -> program.apply(json.toString(), jqOut));
            pageAfterRun(page);
            return new Output(new java.io.PrintWriter(json), Format.JSON, true, false, ctx.terminalWidth(), fields);
        }
        pageAfterRun(page);
        Format f = json ? Format.JSON : format != null ? format : ctx.stdoutIsTerminal() ? Format.TABLE : Format.PLAIN;
        ColorMode colorMode = colorMode(); // asked even for a pipe: contradictory options are an error anywhere
        boolean useColor = f == Format.TABLE
                && switch (colorMode) {
                    case ALWAYS -> true;
                    case NEVER -> false;
                    case AUTO -> ctx.stdoutIsTerminal() && colorWanted(ctx.env());
                };
        return new Output(sink, f, header(), useColor, ctx.terminalWidth(), fields);
    }
}
