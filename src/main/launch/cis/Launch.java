package cis;

import java.io.PrintStream;

/**
 * The jar's entry point, compiled for Java 8 so that any JVM from 8 on can run it: it checks the
 * Java version before a class of cis is loaded. On an older JVM cis's classes would fail to load
 * with exit code 1, which is an answer ("--is did not hold"), never a failure; this says what is
 * wrong and exits 5, the launcher's code for its own failures.
 */
public final class Launch {
    /** The oldest Java that runs cis. */
    static final int NEEDED = 17;

    private Launch() {}

    public static void main(String[] args) {
        int code = check(
                System.getProperty("java.specification.version", ""), System.getProperty("java.home"), System.err);
        if (code != 0) {
            System.exit(code);
        }
        Main.main(args);
    }

    /** 0 when this Java runs cis; else 5, having said why on {@code err}. */
    static int check(String specificationVersion, String javaHome, PrintStream err) {
        int feature = feature(specificationVersion);
        if (feature >= NEEDED) {
            return 0;
        }
        err.println("cis: needs Java " + NEEDED + " or newer, but " + javaHome + " is Java " + specificationVersion
                + "; install a JDK " + NEEDED + " or newer, or set JAVA_HOME to one");
        return 5;
    }

    /** The feature release in a specification version: "1.8" is 8, "17" is 17; 0 when unreadable. */
    static int feature(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        try {
            return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
