package cis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cis shell}: an interactive prompt for cis commands; line by line when stdin is not a terminal. */
@Command(
        name = "shell",
        header = "An interactive prompt with completion and history.",
        description = {
            "Run cis commands at an interactive prompt, without the 'cis' prefix: TAB completes commands, options "
                    + "and names; history is kept between sessions. Leave with exit or Ctrl-D.",
            "When stdin is not a terminal, read one command a line (a script): errors name their line, and the exit "
                    + "code is that of the first line that failed (0 if none did)."
        },
        mixinStandardHelpOptions = true,
        footer = {
            "%nExamples:",
            "  cis shell",
            "      the interactive prompt",
            "  cis shell --data ~/my-kb",
            "      every command on a knowledge base of your own",
            "  cis shell --stop-on-error < queries.cis",
            "      a script of commands, one a line",
            ExitCode.HELP_FOOTER
        })
final class ShellCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "PATH",
            description = "Use the knowledge base in this directory for every command (also: CIS_DATA).")
    java.nio.file.Path data;

    @Option(
            names = "--stop-on-error",
            description = "Reading a script: stop at the first line that fails, with its exit code.")
    boolean stopOnError;

    @Override
    public Integer call() {
        CisCommand root = (CisCommand) spec.root().userObject();
        return root.prompt().run(root.context(), java.util.Optional.ofNullable(data), stopOnError, root.store());
    }
}
