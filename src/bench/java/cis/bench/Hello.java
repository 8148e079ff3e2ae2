package cis.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The floor: the smallest picocli tool with one subcommand, run on the same JVM with the same
 * flags as cis ({@code Hello status X} prints one line). The benchmark runs it with and without
 * an AppCDS archive of its own; the archived one is the best any picocli tool can do here.
 */
@Command(name = "hello", mixinStandardHelpOptions = true, subcommands = Hello.Status.class)
public final class Hello implements Runnable {
    @Override
    public void run() {
        // the root does nothing: the subcommand answers
    }

    @Command(name = "status")
    static final class Status implements Runnable {
        @Parameters
        String state;

        @Override
        public void run() {
            System.out.println(state + "\tmember");
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hello()).execute(args));
    }
}
