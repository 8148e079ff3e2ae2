package cis.cli.completion;

import cis.cli.Candidates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the completion scripts need of the commands, read from picocli's model: each command's
 * options and arguments and what completes their values. The three generators share it, so that
 * a new option or candidate list reaches every shell.
 */
record CommandTree(String name, List<Opt> options, List<Arg> args, List<CommandTree> subcommands) {

    /**
     * An option. {@code excludes} are the names it cannot be given with (its own names, and the
     * others of an exclusive group); a repeatable option may be given again. After a {@code help}
     * option (--help, --version) nothing else counts.
     */
    record Opt(
            List<String> names,
            String description,
            boolean help,
            boolean takesValue,
            boolean repeatable,
            String label,
            Values values,
            List<String> excludes) {}

    /** A positional parameter at indexes {@code from..to} (0-based; {@code to} is MAX_VALUE when unbounded). */
    record Arg(int from, int to, boolean optional, String label, Values values) {
        boolean unbounded() {
            return to == Integer.MAX_VALUE;
        }
    }

    /** What completes a value. */
    sealed interface Values {
        /** Anything (a date, a number): nothing to offer. */
        record Free() implements Values {}

        /** Files and directories. */
        record Paths() implements Values {}

        /**
         * Listed values, each with a description ("" for none); {@code key} names the list in a
         * script (one list per candidate class, so a list used by several options is written once).
         */
        record Listed(String key, Map<String, String> described, boolean commaSeparated) implements Values {}
    }

    static CommandTree of(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        List<CommandTree> subs = new ArrayList<>();
        Map<String, String> commands = new LinkedHashMap<>();
        root.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                commands.put(name, header(sub.getCommandSpec()));
            }
        });
        Values.Listed commandList = new Values.Listed("commands", commands, false);
        root.getSubcommands().forEach((name, sub) -> {
            if (commands.containsKey(name)) {
                subs.add(command(name, sub.getCommandSpec(), commandList));
            }
        });
        List<Arg> args = List.of(new Arg(0, 0, false, "COMMAND", commandList));
        return new CommandTree(spec.name(), options(spec), args, List.copyOf(subs));
    }

    private static CommandTree command(String name, CommandSpec spec, Values.Listed commands) {
        List<Arg> args = new ArrayList<>();
        List<CommandTree> subs = new ArrayList<>();
        if (!spec.subcommands().isEmpty()) {
            // a command's own commands (cis kb list, use, …) complete as its first argument, and
            // after one of them, that one's options and arguments
            Map<String, String> nested = new LinkedHashMap<>();
            spec.subcommands().forEach((n, sub) -> nested.put(n, header(sub.getCommandSpec())));
            Values.Listed list = new Values.Listed(name + "_commands", nested, false);
            args.add(new Arg(0, 0, true, "COMMAND", list));
            spec.subcommands().forEach((n, sub) -> subs.add(command(n, sub.getCommandSpec(), list)));
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            CommandLine.Range index = p.index();
            Values values = spec.helpCommand() && p.completionCandidates() == null ? commands : values(name, p);
            args.add(new Arg(index.min(), index.max(), p.arity().min() == 0, p.paramLabel(), values));
        }
        return new CommandTree(name, options(spec), List.copyOf(args), List.copyOf(subs));
    }

    private static List<Opt> options(CommandSpec spec) {
        List<Opt> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            Set<String> excludes = new LinkedHashSet<>();
            if (!o.isMultiValue()) {
                excludes.addAll(List.of(o.names()));
            }
            ArgGroupSpec group = o.group();
            if (group != null && group.exclusive()) {
                group.options().forEach(other -> excludes.addAll(List.of(other.names())));
            }
            boolean takesValue = o.arity().max() > 0;
            out.add(new Opt(
                    List.of(o.names()),
                    firstSentence(o.description()),
                    o.usageHelp() || o.versionHelp(),
                    takesValue,
                    o.isMultiValue(),
                    o.paramLabel(),
                    takesValue ? values(spec.name(), o) : new Values.Free(),
                    List.copyOf(excludes)));
        }
        return List.copyOf(out);
    }

    private static Values values(String command, ArgSpec arg) {
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates != null) {
            Map<String, String> described = new LinkedHashMap<>();
            if (candidates instanceof Candidates.Described d) {
                described.putAll(d.described());
            } else {
                candidates.forEach(c -> described.put(c, ""));
            }
            // a value list such as S[,S…] takes several values at once
            boolean commaSeparated =
                    ",".equals(arg.splitRegex()) || arg.paramLabel().contains("[,");
            return new Values.Listed(key(command, arg, candidates), described, commaSeparated);
        }
        boolean path =
                arg.type() == Path.class || (arg.auxiliaryTypes().length > 0 && arg.auxiliaryTypes()[0] == Path.class);
        return path ? new Values.Paths() : new Values.Free();
    }

    /** "CalendarFormats" → "calendar_formats"; picocli's own lists (of an enum) by command and option. */
    private static String key(String command, ArgSpec arg, Iterable<String> candidates) {
        Class<?> type = candidates.getClass();
        String name = type.getEnclosingClass() == Candidates.class
                ? type.getSimpleName()
                : command + "_" + (arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel());
        return name.replaceAll("([a-z])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "")
                .toLowerCase(Locale.ROOT);
    }

    static String header(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return firstSentence(header.length > 0 ? header : spec.usageMessage().description());
    }

    /** The first sentence of a description (a full stop inside "e.g." does not end it). */
    static String firstSentence(String[] description) {
        String d = (description.length == 0 ? "" : description[0]).replace("%n", " ");
        for (int dot = d.indexOf(". "); dot > 0; dot = d.indexOf(". ", dot + 1)) {
            String before = d.substring(0, dot);
            if (!before.endsWith("e.g") && !before.endsWith("i.e")) {
                return d.substring(0, dot + 1).strip();
            }
        }
        return d.strip();
    }

    /** The value lists of this command and its subcommands, each once, by key. */
    Map<String, Values.Listed> lists() {
        Map<String, Values.Listed> out = new LinkedHashMap<>();
        collect(out);
        return out;
    }

    private void collect(Map<String, Values.Listed> out) {
        for (Opt o : options) {
            if (o.values() instanceof Values.Listed l) {
                out.putIfAbsent(l.key(), l);
            }
        }
        for (Arg a : args) {
            if (a.values() instanceof Values.Listed l) {
                out.putIfAbsent(l.key(), l);
            }
        }
        subcommands.forEach(s -> s.collect(out));
    }
}
