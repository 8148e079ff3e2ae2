package cis.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Shows an answer taller than the terminal through a pager, as git and gh do: {@code $CIS_PAGER},
 * else {@code $PAGER}, else {@code less -FRX} (when installed). An empty value or {@code cat} means
 * no pager. Never for a pipe, in {@code cis shell} or with {@code --no-pager}: the caller decides
 * that; this class only runs one.
 */
final class Pager {
    private Pager() {}

    /** Writes {@code text} to the terminal: straight when it fits the screen, else through the pager. */
    static void show(String text, CliContext ctx) {
        if (lines(text) < ctx.terminalHeight()) {
            print(text, ctx);
            return;
        }
        Optional<String> pager = command(ctx.env());
        if (pager.isEmpty()) {
            print(text, ctx);
            return;
        }
        ctx.out().flush();
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", pager.get())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // git's defaults: quit if one screen, keep colours, leave the text on the screen
        pb.environment().putIfAbsent("LESS", "FRX");
        pb.environment().putIfAbsent("LV", "-c");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            print(text, ctx); // no shell to start it: the answer still matters more than the paging
            return;
        }
        try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write(text);
        } catch (IOException e) {
            // the reader quit before the end (q in less): as with a closed pipe, nothing is wrong
        }
        try {
            if (p.waitFor() == 127) { // the shell found no such command: say so, and show the answer
                ctx.err()
                        .print("cis: the pager '" + Lookups.shown(pager.get())
                                + "' was not found; set CIS_PAGER (empty for none) or use --no-pager.\n");
                ctx.err().flush();
                print(text, ctx);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pager to run, if any: CIS_PAGER, then PAGER, then less when it is installed. */
    static Optional<String> command(Map<String, String> env) {
        String chosen = env.containsKey("CIS_PAGER") ? env.get("CIS_PAGER") : env.get("PAGER");
        if (chosen != null) {
            String c = chosen.strip();
            return c.isEmpty() || c.equals("cat") ? Optional.empty() : Optional.of(c);
        }
        return onPath("less", env.getOrDefault("PATH", "")) ? Optional.of("less -FRX") : Optional.empty();
    }

    private static boolean onPath(String program, String path) {
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static int lines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void print(String text, CliContext ctx) {
        ctx.out().print(text);
        ctx.out().flush();
    }
}
