package cis.cli.completion;

import cis.cli.completion.CommandTree.Arg;
import cis.cli.completion.CommandTree.Opt;
import cis.cli.completion.CommandTree.Values;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bash completion script. It splits the command line itself rather than trusting COMP_WORDS,
 * which COMP_WORDBREAKS cuts at '=' and ':', so that --format=j completes whatever that variable
 * holds; and it escapes what it inserts, so that "Sergei Lebedev" stays one word.
 */
final class BashScript {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._,:=@+/-]+");

    private BashScript() {}

    static String generate(CommandTree root) {
        StringBuilder b = new StringBuilder(HEADER).append('\n').append(ENGINE);
        b.append("\n# The values that options and arguments take, from the bundled knowledge base and the commands.\n");
        for (Map.Entry<String, Values.Listed> e : root.lists().entrySet()) {
            b.append("_cis_list_").append(e.getKey()).append("=(");
            b.append(String.join(
                    " ",
                    e.getValue().described().keySet().stream()
                            .map(BashScript::word)
                            .toList()));
            b.append(")\n");
        }
        command(b, "root", "cis", root);
        for (CommandTree sub : root.subcommands()) {
            command(b, id(sub.name()), "cis " + sub.name(), sub);
            for (CommandTree nested : sub.subcommands()) {
                command(b, id(sub.name()) + "_" + id(nested.name()), "cis " + sub.name() + " " + nested.name(), nested);
            }
            if (!sub.subcommands().isEmpty()) {
                dispatcher(b, id(sub.name()), "cis " + sub.name(), sub, id(sub.name()) + "_", true);
            }
        }
        dispatcher(b, "root", "cis", root, "", false);
        b.append("\n_cis() {\n")
                .append("    local _cis_typed _cis_keep _cis_quote _cis_cur _cis_pre=\n")
                .append("    local -a _cis_words _cis_matches=()\n")
                .append("    _cis_split\n")
                .append("    _cis_word_start\n")
                .append("    _cis_dispatch_root 1\n")
                .append("    _cis_reply\n")
                .append("}\n\n")
                .append("complete -F _cis cis\n");
        return b.toString();
    }

    /**
     * For a command with commands of its own (cis, cis kb): the first word after its options names
     * one, whose options and arguments complete from there (or, for cis kb, whose own commands
     * dispatch again); at that word itself, the command's own complete. After a word that names
     * none, the command's own complete again when {@code ownAfterUnknown} (cis kb bogus --),
     * else nothing does (cis bogus).
     */
    private static void dispatcher(
            StringBuilder b, String id, String display, CommandTree cmd, String prefix, boolean ownAfterUnknown) {
        b.append("\n# ").append(display).append(" COMMAND\n");
        b.append("_cis_dispatch_")
                .append(id)
                .append("() {\n")
                .append("    local j\n")
                .append("    for ((j = $1; j < ${#_cis_words[@]} - 1; j++)); do\n")
                .append("        [[ ${_cis_words[j]} != -* ]] && break\n")
                .append("    done\n")
                .append("    case $((j < ${#_cis_words[@]} - 1)):${_cis_words[j]} in\n");
        for (CommandTree c : cmd.subcommands()) {
            b.append("        1:")
                    .append(word(c.name()))
                    .append(c.subcommands().isEmpty() ? ") _cis_command " : ") _cis_dispatch_")
                    .append(prefix)
                    .append(id(c.name()))
                    .append(" $((j + 1)) ;;\n");
        }
        b.append(ownAfterUnknown ? "        *" : "        0:*")
                .append(") _cis_command ")
                .append(id)
                .append(" $1 ;;\n");
        b.append("    esac\n}\n");
    }

    private static void command(StringBuilder b, String id, String display, CommandTree cmd) {
        b.append("\n# ").append(display).append('\n');
        List<String> names =
                cmd.options().stream().flatMap(o -> o.names().stream()).toList();
        b.append("_cis_options_")
                .append(id)
                .append("=(")
                .append(String.join(" ", names))
                .append(")\n");
        List<String> valued = cmd.options().stream()
                .filter(Opt::takesValue)
                .flatMap(o -> o.names().stream())
                .toList();
        b.append("_cis_valued_")
                .append(id)
                .append("=' ")
                .append(String.join(" ", valued))
                .append(" '\n");
        b.append("_cis_values_").append(id).append("() {\n");
        StringBuilder cases = new StringBuilder();
        for (Opt o : cmd.options()) {
            String action = action(o.values());
            if (o.takesValue() && !action.isEmpty()) {
                cases.append("        ")
                        .append(String.join(" | ", o.names()))
                        .append(") ")
                        .append(action)
                        .append(" ;;\n");
            }
        }
        if (cases.isEmpty()) {
            b.append("    : # no option of this command takes a value that can be completed\n");
        } else {
            b.append("    case $1 in\n").append(cases).append("    esac\n");
        }
        b.append("}\n");
        b.append("_cis_args_").append(id).append("() {\n");
        for (Arg a : cmd.args()) {
            String action = action(a.values());
            String body = (action.isEmpty() ? ":" : action) + " # " + a.label() + (a.unbounded() ? "..." : "");
            if (a.from() == 0 && a.unbounded()) {
                b.append("    ").append(body).append("\n}\n");
                return;
            }
            String test = a.from() == a.to()
                    ? "$1 == " + a.from()
                    : "$1 >= " + a.from() + (a.unbounded() ? "" : " && $1 <= " + a.to());
            b.append("    if ((").append(test).append(")); then\n");
            b.append("        ").append(body).append('\n');
            b.append("        return 0\n");
            b.append("    fi\n");
        }
        b.append("    return 1\n");
        b.append("}\n");
    }

    /** The shell code that offers a value, or "" when there is nothing to offer. */
    private static String action(Values values) {
        if (values instanceof Values.Listed l) {
            return (l.commaSeparated() ? "_cis_offer_list" : "_cis_offer") + " \"${_cis_list_" + l.key() + "[@]}\"";
        }
        return values instanceof Values.Paths ? "_cis_paths" : "";
    }

    /** A command's name as part of a shell identifier. */
    static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** A shell word: as it is when nothing in it is special, else single-quoted. */
    static String word(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String HEADER = """
            # bash completion for cis: commands, options and their values, and the states, people, bodies and
            # cities of the bundled knowledge base. Generated by CompletionScripts; do not edit.
            #
            # For this session:  source <(cis completion bash)
            # For good:          cis completion bash > ~/.local/share/bash-completion/completions/cis
            #                    (the bash-completion package loads it when cis is first completed)
            # Needs bash 4 or later.
            """;

    private static final String ENGINE = """
            # Splits the command line up to the cursor into words as the shell will (COMP_WORDS also splits
            # at COMP_WORDBREAKS, which cuts --format=json in three): _cis_words holds them unquoted, the last
            # being the word under completion, whose text as typed goes to _cis_typed.
            _cis_split() {
                local line=${COMP_LINE:0:COMP_POINT} word= typed= quote= inword= c i
                _cis_words=()
                for ((i = 0; i < ${#line}; i++)); do
                    c=${line:i:1}
                    if [[ -n $quote ]]; then
                        typed+=$c
                        if [[ $c == "$quote" ]]; then
                            quote=
                        elif [[ $quote == '"' && $c == '\\' && ${line:i+1:1} == [\\"\\\\\\$\\`] ]]; then
                            ((i++))
                            word+=${line:i:1}
                            typed+=${line:i:1}
                        else
                            word+=$c
                        fi
                    elif [[ $c == [[:space:]] ]]; then
                        [[ -n $inword ]] && _cis_words+=("$word")
                        word= typed= inword=
                    else
                        inword=1
                        typed+=$c
                        if [[ $c == '\\' ]]; then
                            ((i++))
                            word+=${line:i:1}
                            typed+=${line:i:1}
                        elif [[ $c == [\\'\\"] ]]; then
                            quote=$c
                        else
                            word+=$c
                        fi
                    fi
                done
                _cis_words+=("$word")
                _cis_typed=$typed
            }

            # Where readline's word starts, the text it replaces: after the last unquoted COMP_WORDBREAKS
            # character, or after an open quote. _cis_keep counts the unquoted characters before it.
            _cis_word_start() {
                local typed=$_cis_typed quote= c i n=0 keep=0 open=0
                for ((i = 0; i < ${#typed}; i++)); do
                    c=${typed:i:1}
                    if [[ -n $quote ]]; then
                        if [[ $c == "$quote" ]]; then
                            quote=
                        else
                            [[ $quote == '"' && $c == '\\' && ${typed:i+1:1} == [\\"\\\\\\$\\`] ]] && ((i++))
                            ((n += 1))
                        fi
                    elif [[ $c == '\\' ]]; then
                        ((i += 1, n += 1))
                    elif [[ $c == [\\'\\"] ]]; then
                        quote=$c
                        open=$n
                    else
                        ((n += 1))
                        [[ $COMP_WORDBREAKS == *"$c"* ]] && keep=$n
                    fi
                done
                if [[ -n $quote ]]; then
                    _cis_keep=$open _cis_quote=$quote
                else
                    _cis_keep=$keep _cis_quote=
                fi
            }

            # Adds to _cis_matches the values that start with the value typed, _cis_cur (those that do
            # ignoring case when none does), each after _cis_pre: what the word holds before the value.
            _cis_offer() {
                local v
                local -a hits=()
                for v; do
                    [[ $v == "$_cis_cur"* ]] && hits+=("$_cis_pre$v")
                done
                if ((${#hits[@]} == 0)); then
                    for v; do
                        [[ ${v,,} == "${_cis_cur,,}"* ]] && hits+=("$_cis_pre$v")
                    done
                fi
                _cis_matches+=("${hits[@]}")
            }

            # The same for a comma-separated list of values: completes the one after the last comma.
            _cis_offer_list() {
                local _cis_pre=$_cis_pre${_cis_cur%"${_cis_cur##*,}"} _cis_cur=${_cis_cur##*,}
                _cis_offer "$@"
            }

            # Files and directories; a directory ends in a slash, and no space follows when it is the only one.
            _cis_paths() {
                local p
                local -a paths=()
                mapfile -t paths < <(compgen -f -- "$_cis_cur")
                for p in "${paths[@]}"; do
                    [[ -d ${p/#\\~\\//$HOME/} ]] && p+=/
                    _cis_matches+=("$_cis_pre$p")
                done
                if ((${#paths[@]} == 1)) && [[ $p == */ ]]; then
                    compopt -o nospace 2>/dev/null
                fi
            }

            # COMPREPLY from _cis_matches (whole words, unquoted): each from where readline's word starts,
            # and with what the shell would split or expand backslash-escaped, unless typed inside quotes.
            _cis_reply() {
                local m c i escaped
                COMPREPLY=()
                for m in "${_cis_matches[@]}"; do
                    m=${m:_cis_keep}
                    if [[ -z $_cis_quote ]]; then
                        escaped=
                        for ((i = 0; i < ${#m}; i++)); do
                            c=${m:i:1}
                            [[ $c == [[:space:]\\'\\"\\\\\\(\\)\\<\\>\\|\\&\\;\\$\\`\\*\\?\\[\\]\\{\\}\\!\\#] ]] && escaped+='\\'
                            escaped+=$c
                        done
                        m=$escaped
                    fi
                    COMPREPLY+=("$m")
                done
            }

            # Completes the last word for command $1 (root: cis itself), whose arguments start at word $2.
            _cis_command() {
                local cmd=$1 i=$2 n=${#_cis_words[@]} w pending= args=0 dashdash=
                local valued=_cis_valued_$cmd options=_cis_options_$cmd[@]
                for ((; i < n - 1; i++)); do
                    w=${_cis_words[i]}
                    if [[ -n $pending ]]; then
                        pending=
                    elif [[ -n $dashdash || $w != -?* ]]; then
                        ((args += 1))
                    elif [[ $w == -- ]]; then
                        dashdash=1
                    elif [[ ${!valued} == *" $w "* ]]; then
                        pending=$w
                    fi
                done
                _cis_cur=${_cis_words[n - 1]}
                if [[ -n $pending ]]; then
                    "_cis_values_$cmd" "$pending"
                elif [[ -z $dashdash && $_cis_cur == -?*=* ]]; then
                    _cis_pre=${_cis_cur%%=*}=
                    _cis_cur=${_cis_cur#*=}
                    "_cis_values_$cmd" "${_cis_pre%=}"
                elif [[ -z $dashdash && $_cis_cur == -* ]]; then
                    _cis_offer "${!options}"
                elif ! "_cis_args_$cmd" "$args" && [[ -z $dashdash ]]; then
                    _cis_offer "${!options}" # no argument goes here: the options do
                fi
            }
            """;
}
