package cis.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The floor: the smallest picocli command, run on the same JVM with the same flags as cis. */
@Command(name = "hello", mixinStandardHelpOptions = true)
public final class Hello implements Callable<Integer> {
    @Parameters(arity = "0..1", defaultValue = "world")
    String name;

    @Override
    public Integer call() {
        System.out.println("hello " + name);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hello()).execute(args));
    }
}
