package cis.shell;

import cis.cli.Candidates;
import cis.cli.CisCommand;
import cis.cli.CliContext;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * TAB completion in the shell, from picocli's model of the commands (subcommands, options, option
 * values, state names), plus people's full names, which the shell can insert with their spaces.
 */
final class ShellCompleter implements Completer {
    private final CommandSpec spec;

    ShellCompleter() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CliContext quiet =
                new CliContext(sink, sink, InputStream.nullInputStream(), Map.of(), Clock.systemUTC(), false, 80);
        this.spec = CisCommand.fullCommandLine(quiet).getCommandSpec();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        List<CharSequence> found = new ArrayList<>();
        // positionInArg 0: picocli lists every candidate for the word, and JLine filters by what is typed.
        AutoComplete.complete(spec, words.toArray(String[]::new), line.wordIndex(), 0, line.cursor(), found);
        Set<String> values = new LinkedHashSet<>();
        found.forEach(c -> values.add(c.toString()));
        if (!words.isEmpty()
                && words.get(0).equals("officials")
                && line.wordIndex() >= 1
                && !line.word().startsWith("-")
                && !previousTakesValue(words.get(0), words, line.wordIndex())) {
            values.addAll(Candidates.peopleNames()); // each once, should picocli have offered them too
        }
        values.forEach(v -> candidates.add(new Candidate(v)));
    }

    /** Whether the word before the cursor is an option of the command that takes a value, per picocli's model. */
    private boolean previousTakesValue(String command, List<String> words, int index) {
        CommandLine sub = spec.subcommands().get(command);
        if (sub == null || index < 1) {
            return false;
        }
        OptionSpec option = sub.getCommandSpec().findOption(words.get(index - 1));
        return option != null && option.arity().max() > 0;
    }
}
