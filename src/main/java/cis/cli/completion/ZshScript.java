package cis.cli.completion;

import cis.cli.completion.CommandTree.Arg;
import cis.cli.completion.CommandTree.Opt;
import cis.cli.completion.CommandTree.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The zsh completion function: {@code _arguments} for each command, so that zsh shows every
 * option with its description, and {@code _describe} for values, with what each one means. The
 * same file works autoloaded from fpath (as {@code _cis}) and sourced after compinit.
 */
final class ZshScript {
    private ZshScript() {}

    static String generate(CommandTree root) {
        StringBuilder b = new StringBuilder(HEADER);
        dispatching(b, "_cis", "-C", options(root), "': :_cis_val_commands'", "cis", "_cis_cmd_", root.subcommands());
        for (CommandTree sub : root.subcommands()) {
            String id = BashScript.id(sub.name());
            if (sub.subcommands().isEmpty()) {
                function(b, "cis " + sub.name(), id, sub);
                continue;
            }
            // a command with commands of its own (cis kb): its options, then one of its commands
            // (optional: 'cis kb' alone answers), whose own options and arguments complete after it
            b.append("\n# cis ").append(sub.name());
            dispatching(
                    b,
                    "_cis_cmd_" + id,
                    "-C -s -S",
                    options(sub),
                    quote(":: :_cis_val_" + id + "_commands"),
                    "cis-" + sub.name(),
                    "_cis_cmd_" + id + "_",
                    sub.subcommands());
            for (CommandTree nested : sub.subcommands()) {
                function(b, "cis " + sub.name() + " " + nested.name(), id + "_" + BashScript.id(nested.name()), nested);
            }
        }
        b.append("\n# The values that options and arguments take, each with what it means.\n");
        for (Map.Entry<String, Values.Listed> e : root.lists().entrySet()) {
            b.append("_cis_val_").append(e.getKey()).append("() {\n");
            b.append("    local -a values=(\n");
            e.getValue()
                    .described()
                    .forEach((value, description) -> b.append("        ")
                            .append(quote(value.replace("\\", "\\\\").replace(":", "\\:")
                                    + (description.isEmpty() ? "" : ":" + description)))
                            .append('\n'));
            b.append("    )\n");
            String what = e.getKey().replace('_', ' ');
            b.append("    _describe -t ")
                    .append(e.getKey().replace('_', '-'))
                    .append(' ')
                    .append(quote(what))
                    .append(" values\n");
            b.append("}\n");
        }
        b.append(FOOTER);
        return b.toString();
    }

    /**
     * A function that completes a command's options, then one of its commands (the {@code command}
     * spec), after which that command's own function (named {@code prefix} + its id) takes over.
     */
    private static void dispatching(
            StringBuilder b,
            String function,
            String flags,
            List<String> options,
            String command,
            String context,
            String prefix,
            List<CommandTree> commands) {
        b.append('\n')
                .append(function)
                .append("() {\n")
                .append("    local curcontext=$curcontext state state_descr line ret=1\n")
                .append("    local -A opt_args\n")
                .append("    _arguments ")
                .append(flags)
                .append(" :");
        for (String spec : options) {
            b.append(" \\\n        ").append(spec);
        }
        b.append(" \\\n        ").append(command);
        b.append(" \\\n        '*:: :->command' && ret=0\n")
                .append("    if [[ $state == command ]]; then\n")
                .append("        curcontext=${curcontext%:*:*}:")
                .append(context)
                .append("-$words[1]:\n")
                .append("        case $words[1] in\n");
        for (CommandTree c : commands) {
            b.append("            (")
                    .append(c.name())
                    .append(") ")
                    .append(prefix)
                    .append(BashScript.id(c.name()))
                    .append(" && ret=0 ;;\n");
        }
        b.append("        esac\n    fi\n    return ret\n}\n");
    }

    /** A command's completion function: _arguments with its options and arguments. */
    private static void function(StringBuilder b, String display, String id, CommandTree cmd) {
        b.append("\n# ").append(display).append('\n');
        b.append("_cis_cmd_").append(id).append("() {\n");
        List<String> specs = new ArrayList<>(options(cmd));
        specs.addAll(arguments(cmd));
        b.append("    _arguments -s -S :");
        for (String spec : specs) {
            b.append(" \\\n        ").append(spec);
        }
        b.append("\n}\n");
    }

    /** _arguments specs for a command's options: '(-o --format)'{-o+,--format=}'[…]:FORMAT:_cis_val_formats'. */
    private static List<String> options(CommandTree cmd) {
        List<String> out = new ArrayList<>();
        for (Opt o : cmd.options()) {
            String prefix = o.help() ? "(- : *)" : o.repeatable() ? "*" : "(" + String.join(" ", o.excludes()) + ")";
            List<String> names = o.names().stream()
                    .map(n -> !o.takesValue() ? n : n.startsWith("--") ? n + "=" : n + "+")
                    .toList();
            String rest = "[" + escapeDescription(o.description()) + "]";
            if (o.takesValue()) {
                rest += ":" + escapeMessage(o.label()) + ":" + action(o.values());
            }
            out.add(
                    names.size() == 1
                            ? quote(prefix + names.get(0) + rest)
                            : quote(prefix) + "{" + String.join(",", names) + "}" + quote(rest));
        }
        return out;
    }

    /** _arguments specs for a command's positional parameters: '1::NAME:_cis_val_people', '*:PATH:_files'. */
    private static List<String> arguments(CommandTree cmd) {
        List<String> out = new ArrayList<>();
        for (Arg a : cmd.args()) {
            String rest = ":" + escapeMessage(a.label()) + ":" + action(a.values());
            if (a.unbounded()) {
                out.add(quote("*" + rest)); // "*::" would mean something else
            } else {
                for (int i = a.from(); i <= a.to(); i++) {
                    out.add(quote((i + 1) + (a.optional() ? ":" : "") + rest));
                }
            }
        }
        return out;
    }

    private static String action(Values values) {
        if (values instanceof Values.Listed l) {
            return (l.commaSeparated() ? "_sequence _cis_val_" : "_cis_val_") + l.key();
        }
        return values instanceof Values.Paths ? "_files" : " ";
    }

    /** Text inside an option's [brackets]. */
    private static String escapeDescription(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    /** The message between an option spec's colons. */
    private static String escapeMessage(String s) {
        return s.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** A zsh single-quoted string. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String HEADER = """
            #compdef cis
            # zsh completion for cis: commands, options with what they do, their values with what they mean,
            # and the states, people, bodies and cities of the bundled knowledge base. Generated by
            # CompletionScripts; do not edit.
            #
            # Install: cis completion zsh > ~/.zfunc/_cis, with fpath=(~/.zfunc $fpath) before compinit in
            # ~/.zshrc. For this session only: source <(cis completion zsh), after compinit.
            """;

    private static final String FOOTER = """

            if [[ $funcstack[1] == _cis ]]; then
                _cis "$@" # autoloaded from fpath: complete now
            else
                compdef _cis cis # sourced
            fi
            """;
}
