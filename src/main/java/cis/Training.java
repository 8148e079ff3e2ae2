package cis;

import cis.cli.CliContext;
import cis.cli.SystemClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The launcher's class-data-sharing training run: exercises every command and format once, with
 * the output thrown away, so that the archive written at exit holds the classes any later run
 * needs (picocli's models, the table, JSON, YAML and calendar writers, the YAML parser for --data).
 */
public final class Training {
    /** Every subcommand appears here at least once: {@code PerformanceRulesTest} checks it. */
    static final String[][] COMMANDS = {
        {"status", "Turkmenistan"},
        {"status", "Turkmenistan", "--format", "table", "--history", "--sources"},
        {"status", "Россия", "Ukraine", "--is", "member"},
        {"status", "Russia", "Georgia", "--json"},
        {"states", "--format", "json"},
        {"states", "--format", "yaml"},
        {"states", "--format", "csv"},
        {"states", "--format", "markdown", "--as-of", "2005-01-01"},
        {"officials"},
        {"officials", "Lebedev", "--format", "table"},
        {"officials", "--history", "--json"},
        {"officials", "--role", "chair", "--body", "CHS", "--state", "Russia", "--sort", "name"},
        {"sessions", "--body", "CHS", "--year", "2025", "--kind", "informal", "--sort", "date", "--past"},
        {"states", "--status", "member", "--sort", "since", "--limit", "3"},
        {"sessions", "--next"},
        {"sessions", "--format", "ics", "--year", "2025"},
        {"sessions", "--city", "Alma-Ata", "--format", "table"},
        {"status", "Turkmenstan"},
        {"stauts"},
        {"--help"},
        {"status", "--help"},
        {"--version"},
        {"completion", "bash"},
        {"validate"},
        {"kb"},
        {"kb", "list", "--format", "json"},
        {"update", "--help"},
        {"shell"},
        {"help", "status"},
    };

    private Training() {}

    /** With {@code --check}, does nothing: the launcher's proof that a new archive maps (under -Xshare:on). */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("--check")) {
            return;
        }
        // A home for updates with none installed, as most users have: every query looks there first,
        // and the classes that look must be in the archive too. Nothing is written into it.
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("cis-training");
        Map<String, String> env = Map.of(
                "XDG_DATA_HOME",
                home.resolve("data").toString(),
                "XDG_CACHE_HOME",
                home.resolve("cache").toString());
        // What main() makes before it runs a command (tests and this run start at run()).
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        new Main.StdoutWatch(java.io.OutputStream.nullOutputStream(), new Main.StdoutIsPipe()).exitCode(0, sink);
        // The jar's entry point, compiled apart at release 8 (so not referred to by name here).
        try {
            Class.forName("cis.Launch");
        } catch (ClassNotFoundException e) { // classes compiled without it (an IDE): nothing to archive
        }
        for (String[] command : COMMANDS) {
            for (boolean terminal : new boolean[] {false, true}) {
                Main.run(
                        command,
                        new CliContext(
                                sink,
                                sink,
                                new ByteArrayInputStream(new byte[0]),
                                env,
                                new SystemClock(),
                                terminal,
                                80));
            }
        }
        try {
            java.nio.file.Files.deleteIfExists(home);
        } catch (java.io.IOException e) { // something was written after all: leave it, the archive is what counts
        }
    }
}
