package cis.cli;

import cis.model.KbException;
import cis.model.Names;
import cis.model.Problem;
import cis.render.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into a message on stderr and a documented exit code. Stack traces appear
 * only with --verbose.
 */
public final class Errors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    private static final int MAX_PROBLEMS = 20;
    private final CliContext context;
    /** How commands are typed: "cis " at a shell prompt, "" inside cis shell. */
    private final String invoked;

    public Errors(CliContext context, String invoked) {
        this.context = context;
        this.invoked = invoked;
    }

    /** Bad command lines: the message, a suggestion where one fits, and where to read more. Exit 2. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        return usage(e, args);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        return execution(e, cmd, parsed);
    }

    public int usage(ParameterException e, String[] args) {
        PrintWriter err = context.err();
        CommandLine cmd = e.getCommandLine();
        err.print("cis: " + message(e) + "\n");
        if (e instanceof UnmatchedArgumentException u) {
            List<String> suggestions = suggestions(u);
            if (!suggestions.isEmpty()) {
                err.print("Did you mean: " + String.join(" or ", suggestions) + "?\n");
            }
        }
        String command = cmd.getCommandSpec().qualifiedName().strip(); // no "cis" inside cis shell
        err.print("Try '" + (command.isEmpty() ? "help" : command + " --help") + "' for more information.\n");
        err.flush();
        return ExitCode.USAGE;
    }

    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (!first.startsWith("-") && !u.getCommandLine().getSubcommands().isEmpty()) {
                return "'" + Lookups.shown(first) + "' is not a cis command";
            }
            if (first.startsWith("-")) {
                return "unknown option '" + Lookups.shown(first) + "'";
            }
            return "unexpected argument '" + Lookups.shown(first) + "'";
        }
        String m = String.valueOf(e.getMessage());
        return cis.render.Text.neutralize(m.startsWith("Error: ") ? m.substring(7) : m, false);
    }

    /**
     * Picocli's own suggestions, except for subcommands, where edit distance beats its heuristic:
     * every command within two edits, the nearest first ("state": states, then status).
     */
    private List<String> suggestions(UnmatchedArgumentException u) {
        CommandLine cmd = u.getCommandLine();
        List<String> unmatched = u.getUnmatched();
        if (!unmatched.isEmpty()
                && !unmatched.get(0).startsWith("-")
                && !cmd.getSubcommands().isEmpty()) {
            String typed = unmatched.get(0);
            return cmd.getSubcommands().keySet().stream()
                    .filter(name -> Names.distance(typed, name, 3) <= 2)
                    .sorted(java.util.Comparator.comparingInt(name -> Names.distance(typed, name, 3)))
                    .map(name -> invoked + name)
                    .toList();
        }
        return u.getSuggestions();
    }

    /** Failures while a command runs. */
    /** A failure the CLI foresaw: its message, its hint, its exit code. */
    int report(CliException c) {
        PrintWriter err = context.err();
        err.print("cis: " + c.getMessage() + "\n");
        c.hint().ifPresent(h -> err.print(h + "\n"));
        err.flush();
        return c.exitCode();
    }

    public int execution(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = context.err();
        boolean verbose = verbose(parsed);
        int code;
        if (e instanceof CliException c) {
            code = report(c);
        } else if (e instanceof Output.UnknownField u) {
            err.print("cis: " + u.getMessage() + "\n");
            code = ExitCode.USAGE;
        } else if (e instanceof CisCommand.KbFailure f) {
            KbException kb = f.kbException();
            err.print("cis: " + kb.getMessage() + ":\n");
            List<Problem> problems = kb.problems();
            problems.stream().limit(MAX_PROBLEMS).forEach(p -> err.print("  " + p + "\n"));
            if (problems.size() > MAX_PROBLEMS) {
                err.print("  … and " + (problems.size() - MAX_PROBLEMS) + " more\n");
            }
            err.print("Fix the files above, or drop --data / CIS_DATA to use the bundled knowledge base.\n");
            code = ExitCode.KB_INVALID;
        } else {
            err.print("cis: internal error: " + e + "\n");
            if (!verbose) {
                err.print("This is a bug in cis. Rerun with --verbose for details, and report it.\n");
            }
            code = ExitCode.INTERNAL;
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
