package cis.cli;

import cis.render.Text;
import cis.update.UpdateException;
import cis.update.Updater;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cis update}: install a newer signed knowledge base, or say whether there is one. */
@Command(
        name = "update",
        header = "Install a newer knowledge base: signed, checked, reversible.",
        description = {
            "Fetch the newest knowledge base the cis project publishes (or the bundle at --from: an https URL or a "
                    + "file), check its signature against the trusted keys and every file against its signed "
                    + "manifest, validate it as 'cis validate' does, and install it beside the bundled one, pre-parsed: "
                    + "it answers from then on. A bundle that fails any check changes nothing.",
            "Trusted keys: the project's key (inside cis), every .pub in ~/.config/cis/trusted-keys/ "
                    + "($XDG_CONFIG_HOME/cis/trusted-keys/) and --trust. The default source is CIS_KB_URL, else the "
                    + "project's latest release. Proxies: HTTPS_PROXY, HTTP_PROXY, NO_PROXY."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {
            "%nExamples:",
            "  cis update",
            "      install the newest published knowledge base",
            "  cis update --check",
            "      exit 1 if a newer one is published, 0 if not",
            "  cis update --from cis-kb.tar.gz",
            "      install a bundle you downloaded (air-gapped)",
            "  cis update --from our-kb.tar.gz --trust our.pub",
            "      a bundle signed by a key of your own",
            "  cis kb rollback",
            "      undo the update",
            ExitCode.HELP_FOOTER
        })
final class UpdateCommand implements Callable<Integer> {
    /** The most --timeout may be: an hour. */
    private static final double MAX_TIMEOUT = 3600;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--from",
            paramLabel = "URL|FILE",
            description = "Where the bundle is: an https URL, or a file (for machines without a network). Default: "
                    + "CIS_KB_URL, else the project's latest release.")
    String from;

    @Option(
            names = "--check",
            description = "Only say whether a newer knowledge base is published: exit 0 if not, 1 if so. Reads just "
                    + "the bundle's signed manifest.")
    boolean check;

    @Option(
            names = "--trust",
            paramLabel = "KEY.pub",
            description = "Also trust bundles signed by this public key (repeatable).")
    List<Path> trust = new ArrayList<>();

    @Option(
            names = "--allow-downgrade",
            description = "Install the bundle even if it is not newer than the knowledge base in use, and pin it.")
    boolean allowDowngrade;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Give up on a server that does not connect, answer or send for this long. Default: 30.")
    double timeout = 30;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show details of errors, including stack traces.")
    boolean verbose;

    @Override
    public Integer call() {
        CisCommand root = (CisCommand) spec.root().userObject();
        CliContext ctx = root.context();
        if (!(timeout > 0 && timeout <= MAX_TIMEOUT)) {
            throw CliException.usage("--timeout must be more than 0 and at most 3600 seconds", "e.g. --timeout 60");
        }
        String source = source(ctx);
        Updater updater = new Updater(
                root.store(),
                ctx.env(),
                ctx.clock(),
                "cis/" + CisCommand.toolVersion(),
                w -> ctx.err().print("cis: warning: " + w + "\n"));
        Updater.Request request =
                new Updater.Request(source, trust, allowDowngrade, Duration.ofMillis(Math.round(timeout * 1000)));
        try {
            int code = check ? check(updater, request, ctx) : update(updater, request, ctx);
            dataNote(ctx);
            return code;
        } catch (UpdateException e) {
            throw new CliException(code(e.kind()), e.getMessage(), e.hint().orElse(null));
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** --from, else CIS_KB_URL, else the URL this cis was built with. */
    private String source(CliContext ctx) {
        if (from != null) {
            if (from.isBlank()) {
                throw CliException.usage("--from is empty", "Give an https URL or a file.");
            }
            return from;
        }
        String env = ctx.env().getOrDefault("CIS_KB_URL", "");
        if (!env.isBlank()) {
            return env.strip();
        }
        return CisCommand.buildProperty("cis.kb.url")
                .orElseThrow(() -> new CliException(
                        ExitCode.USAGE,
                        "this cis was built without a knowledge base URL",
                        "Give one with --from URL or CIS_KB_URL."));
    }

    private static int check(Updater updater, Updater.Request request, CliContext ctx) throws UpdateException {
        Updater.Checked c = updater.check(request);
        String available =
                c.available().version() + " (reviewed " + c.available().reviewed() + ")";
        if (c.newer()) {
            print(
                    ctx,
                    "A newer knowledge base is published: " + available + "; in use: " + c.inUse()
                            + ". 'cis update' installs it.");
            return ExitCode.CHECK_FAILED;
        }
        print(ctx, "Up to date: " + c.inUse() + " is in use; the newest published is " + available + ".");
        return ExitCode.OK;
    }

    private static int update(Updater updater, Updater.Request request, CliContext ctx) throws UpdateException {
        Updater.Outcome o = updater.update(request);
        var m = o.manifest();
        String what = m.version() + " (reviewed " + m.reviewed()
                + m.sourcesUpTo().map(d -> ", sources up to " + d).orElse("") + ")";
        switch (o.result()) {
            case NOT_NEWER -> {
                if (m.version().equals(o.before())) {
                    print(
                            ctx,
                            "Up to date: knowledge base " + o.before() + " is in use, and it is the newest published.");
                } else {
                    print(
                            ctx,
                            "Not installed: the bundle holds " + m.version()
                                    + ", older than the knowledge base in use (" + o.before()
                                    + "). --allow-downgrade installs it anyway.");
                }
            }
            case INSTALLED ->
                print(
                        ctx,
                        "Installed knowledge base " + what + "; it answers from now on"
                                + (o.before().equals(m.version())
                                        ? "."
                                        : ", instead of " + o.before() + " ('cis kb rollback' goes back to it)."));
            case INSTALLED_KEPT_PINNED ->
                print(
                        ctx,
                        "Installed knowledge base " + what + ", but "
                                + (o.beforeBundled() ? "the bundled knowledge base " : "knowledge base ")
                                + o.before()
                                + " stays in use: it was chosen with 'cis kb use' or 'cis kb rollback'. 'cis kb use latest' "
                                + "switches to the newest.");
        }
        return ExitCode.OK;
    }

    /** An update changes what answers only when --data and CIS_DATA do not name a directory: say so when one does. */
    private static void dataNote(CliContext ctx) {
        Optional<String> data = Optional.ofNullable(ctx.env().get("CIS_DATA")).filter(s -> !s.isBlank());
        data.ifPresent(d -> ctx.err()
                .print("cis: note: CIS_DATA is set, so commands answer from " + d
                        + ", not from installed updates, until it is unset.\n"));
    }

    static void print(CliContext ctx, String message) {
        if (ctx.stdoutIsTerminal()) {
            for (String line : Text.wrap(Text.neutralize(message, false), ctx.terminalWidth())) {
                ctx.out().print(line + "\n");
            }
        } else {
            ctx.out().print(Text.neutralize(message, false) + "\n");
        }
    }

    static int code(UpdateException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> ExitCode.UNREACHABLE;
            case INVALID -> ExitCode.KB_INVALID;
            case USAGE -> ExitCode.USAGE;
            case LOCAL -> ExitCode.INTERNAL;
        };
    }
}
