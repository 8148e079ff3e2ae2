package cis.cli.completion;

import cis.cli.CisCommand;
import cis.cli.CliContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the shell completion scripts in {@code completions/} from the command model and the
 * bundled KB: bash ({@link BashScript}), zsh ({@link ZshScript}) and fish ({@link FishScript}).
 * Run {@code mvn -q -Pcompletions process-classes} after changing commands or the KB; a test fails
 * while the committed scripts are stale.
 */
public final class CompletionScripts {
    public static final String BASH = "cis.bash";
    public static final String ZSH = "_cis";
    public static final String FISH = "cis.fish";

    private CompletionScripts() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : generate().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name → script text. */
    public static Map<String, String> generate() {
        CommandTree tree = tree();
        Map<String, String> out = new LinkedHashMap<>();
        out.put(BASH, BashScript.generate(tree));
        out.put(ZSH, ZshScript.generate(tree));
        out.put(FISH, FishScript.generate(tree));
        return out;
    }

    /** Every command, with the values its options and arguments take. */
    static CommandTree tree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CliContext ctx =
                new CliContext(sink, sink, InputStream.nullInputStream(), Map.of(), Clock.systemUTC(), false, 80);
        return CommandTree.of(CisCommand.fullCommandLine(ctx));
    }
}
