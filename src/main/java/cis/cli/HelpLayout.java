package cis.cli;

import cis.render.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help as people read it at any terminal width: "Usage: cis status [OPTIONS] STATE..." rather than
 * every option twice; the description once (the one-line header is for the command list); and
 * paragraphs wrapped to the terminal. Picocli lays out nothing narrower than 55 columns, so below
 * {@value #TWO_COLUMNS} each option's description goes under its names instead of beside them.
 */
final class HelpLayout {
    /** The narrowest help picocli lays out. */
    private static final int PICOCLI_MIN_WIDTH = 55;
    /** From here on, an option and its description share a line, as picocli lays them out. */
    static final int TWO_COLUMNS = 70;

    /**
     * The command's own options first, in the order declared; then the options every command has
     * (declared with an order of 100 and up); --help and --version last.
     */
    private static final java.util.Comparator<OptionSpec> ORDER = new Order();

    private static final class Order implements java.util.Comparator<OptionSpec>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(OptionSpec a, OptionSpec b) {
            return Integer.compare(rank(a), rank(b));
        }

        private static int rank(OptionSpec o) {
            return o.usageHelp() || o.versionHelp() ? Integer.MAX_VALUE : o.order();
        }
    }

    /** The sections of help drawn our way. */
    private enum Kind {
        DESCRIPTION,
        FOOTER,
        SYNOPSIS,
        PARAMETERS_ONE_COLUMN,
        OPTIONS_ONE_COLUMN,
        OPTIONS
    }

    /**
     * One section of help. A class rather than lambdas: every run installs these, only a run that
     * prints help uses them, and no lambda is linked on the way to an answer.
     */
    private record Section(Kind kind, int width) implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(CommandLine.Help help) {
            return switch (kind) {
                case DESCRIPTION -> paragraphs(help.commandSpec(), width);
                case FOOTER -> footer(help.commandSpec(), width);
                // inside cis shell the root has no name: "Usage: status", not "Usage:  status"
                case SYNOPSIS ->
                    help.synopsis(help.synopsisHeadingLength()).replaceFirst("^((?:\u001b\\[[0-9;]*m)*) ", "$1");
                case PARAMETERS_ONE_COLUMN -> oneColumn(help.commandSpec().positionalParameters(), width);
                case OPTIONS_ONE_COLUMN -> oneColumn(visibleOptions(help.commandSpec()), width);
                case OPTIONS -> help.optionList(help.createDefaultLayout(), ORDER, help.parameterLabelRenderer());
            };
        }
    }

    private HelpLayout() {}

    static void apply(CommandLine cmd, int width) {
        cmd.setUsageHelpWidth(Math.max(PICOCLI_MIN_WIDTH, width));
        cmd.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, new Section(Kind.DESCRIPTION, width));
        cmd.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, new Section(Kind.FOOTER, width));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            subcommand(sub, width);
        }
    }

    /** A subcommand's help, and its own subcommands' ({@code cis kb list}). */
    private static void subcommand(CommandLine sub, int width) {
        {
            sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);
            Map<String, CommandLine.IHelpSectionRenderer> sections = sub.getHelpSectionMap();
            sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, new Section(Kind.SYNOPSIS, width));
            List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
            keys.remove(UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
            keys.remove(UsageMessageSpec.SECTION_KEY_HEADER);
            sub.setHelpSectionKeys(keys);
            sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, new Section(Kind.DESCRIPTION, width));
            sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, new Section(Kind.FOOTER, width));
            if (width < TWO_COLUMNS) {
                sections.put(
                        UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, new Section(Kind.PARAMETERS_ONE_COLUMN, width));
                sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, new Section(Kind.OPTIONS_ONE_COLUMN, width));
            } else {
                sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, new Section(Kind.OPTIONS, width));
            }
        }
        for (CommandLine nested : sub.getSubcommands().values()) {
            subcommand(nested, width);
        }
    }

    /** Each element of the description is a paragraph, wrapped to the width. */
    private static String paragraphs(CommandSpec spec, int width) {
        StringBuilder b = new StringBuilder();
        for (String paragraph : spec.usageMessage().description()) {
            for (String line : Text.wrap(String.format(paragraph), width)) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** Examples and exit codes: lines as written, each folded only when the terminal is narrower. */
    private static String footer(CommandSpec spec, int width) {
        StringBuilder b = new StringBuilder();
        for (String element : spec.usageMessage().footer()) {
            String text = String.format(element);
            // an element is a line; one that ends in %n already has its line end
            for (String line : (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1)) {
                for (String part : cis.render.FoldingWriter.fold(line.stripTrailing(), width)) {
                    b.append(part).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static List<OptionSpec> visibleOptions(CommandSpec spec) {
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                shown.add(o);
            }
        }
        shown.sort(ORDER);
        return shown;
    }

    /** "  -o, --format=FORMAT" on a line, its description wrapped under it. */
    private static String oneColumn(List<? extends ArgSpec> args, int width) {
        StringBuilder b = new StringBuilder();
        for (ArgSpec a : args) {
            if (a.hidden()) {
                continue;
            }
            String names = a instanceof OptionSpec o
                    ? String.join(", ", o.names()) + (o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel())
                    : ((PositionalParamSpec) a).paramLabel() + (a.isMultiValue() ? "..." : "");
            b.append(Text.truncate("  " + names, width)).append('\n');
            for (String line : Text.wrap(String.join(" ", a.description()), width - 6)) {
                b.append("      ").append(line).append('\n');
            }
        }
        return b.toString();
    }
}
