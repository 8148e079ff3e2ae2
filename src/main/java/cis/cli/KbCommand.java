package cis.cli;

import cis.cli.view.KbView;
import cis.model.KbException;
import cis.model.KbMeta;
import cis.store.Installed;
import cis.store.KbStore;
import cis.store.KbVersions;
import cis.update.Publishing;
import cis.update.UpdateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cis kb}: which knowledge base answers, and why; the installed ones ({@code list}); choosing
 * one ({@code use}, {@code rollback}); and, for publishers, {@code keygen} and {@code pack}.
 */
@Command(
        name = "kb",
        header = "Which knowledge base answers, and why; choose, roll back, publish.",
        description = "Show the knowledge base that answers, and why: the directory --data or CIS_DATA names, else "
                + "the update 'cis update' installed, else the one bundled in cis; with its version, the day its facts "
                + "were last reviewed, the latest day its sources cover, and where it is.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = {
            KbCommand.ListCommand.class,
            KbCommand.UseCommand.class,
            KbCommand.RollbackCommand.class,
            KbCommand.PackCommand.class,
            KbCommand.KeygenCommand.class
        },
        footer = {
            "%nExamples:",
            "  cis kb",
            "      which knowledge base answers, and why",
            "  cis kb list",
            "      the installed knowledge bases and the bundled one",
            "  cis kb use bundled",
            "      answer from the knowledge base inside cis",
            "  cis kb rollback",
            "      back to the knowledge base in use before",
            "  cis kb keygen --out my",
            "      (publishers) a signing key pair: my.pem, my.pub",
            "  cis kb pack ~/my-kb --out my-kb.tar.gz --sign-key my.pem",
            "      (publishers) a signed bundle for 'cis update'",
            ExitCode.HELP_FOOTER
        })
final class KbCommand implements Callable<Integer> {
    @Mixin
    OutputOptions options;

    @Override
    public Integer call() {
        CisCommand root = options.root();
        KbStore store = root.store();
        cis.render.Output out = options.output();
        Optional<Path> data = root.dataDirectory(Optional.ofNullable(options.data));
        String bundled = bundledVersion(store);
        KbView.Answer answer;
        try {
            if (data.isPresent()) {
                String from = options.data != null ? "--data" : "CIS_DATA";
                KbMeta meta = store.meta(data);
                answer = new KbView.Answer(
                        meta.version(),
                        from,
                        meta.reviewed(),
                        meta.sourcesUpTo(),
                        Optional.of(data.get().toString()),
                        false,
                        from + " names it (it answers instead of installed updates and the bundled knowledge base)",
                        Optional.empty(),
                        Map.of(),
                        bundled);
            } else {
                Installed.Choice c = store.active();
                Optional<Path> dir = store.activeDirectory();
                KbMeta meta = dir.isPresent() ? store.meta(Optional.empty()) : store.bundledMeta();
                answer = new KbView.Answer(
                        meta.version(),
                        dir.isPresent() ? "installed" : "bundled",
                        meta.reviewed(),
                        meta.sourcesUpTo(),
                        dir.map(Path::toString),
                        c.pinned(),
                        "no --data or CIS_DATA; " + c.why(),
                        c.warning(),
                        c.version().isPresent() && store.installed().isPresent()
                                ? store.installed().get().origin(c.version().get())
                                : Map.of(),
                        bundled);
            }
        } catch (KbException e) {
            throw new CisCommand.KbFailure(e);
        }
        out.print(List.of(answer), new KbView.Active());
        return ExitCode.OK;
    }

    static String bundledVersion(KbStore store) {
        return store.bundledVersion().orElseGet(() -> {
            try {
                return store.bundledMeta().version();
            } catch (KbException e) {
                return "unknown";
            }
        });
    }

    static CisCommand root(picocli.CommandLine.Model.CommandSpec spec) {
        return (CisCommand) spec.root().userObject();
    }

    /** Where installed knowledge bases go; a usage error (exit 5: nothing can be written) when the environment names none. */
    static Installed area(CisCommand root) {
        return root.store()
                .installed()
                .orElseThrow(() -> new CliException(
                        ExitCode.INTERNAL,
                        "there is no place for installed knowledge bases: neither XDG_DATA_HOME nor HOME is set",
                        "Set HOME (or XDG_DATA_HOME) to an absolute path."));
    }

    static CliException cannotChange(IOException e) {
        return new CliException(
                ExitCode.INTERNAL,
                "cannot change the knowledge base in use: "
                        + (e instanceof Installed.Unusable ? e.getMessage() : String.valueOf(e)),
                "Installed knowledge bases must be in a directory of yours that only you can write (chmod 700).");
    }

    /** "knowledge base 2026.12.2", or "the bundled knowledge base 2026.12.1". */
    static String named(String version, KbStore store) {
        return version.equals(Installed.BUNDLED)
                ? "the bundled knowledge base " + bundledVersion(store)
                : "knowledge base " + version;
    }

    static String pinNote(boolean pinned) {
        return pinned
                ? " (pinned: 'cis update' installs newer ones but does not switch to them; 'cis kb use latest' ends "
                        + "the pin)."
                : " ('cis update' switches to newer ones).";
    }

    /** {@code cis kb list}. */
    @Command(
            name = "list",
            header = "The installed knowledge bases and the bundled one.",
            description = "List the knowledge bases cis has: those 'cis update' installed, newest first, and the one "
                    + "bundled in cis; which is in use (without --data or CIS_DATA), and whether it is pinned.",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            footer = {
                "%nExamples:",
                "  cis kb list",
                "      every knowledge base cis has",
                "  cis kb list --json",
                "      the same, for a script",
                ExitCode.HELP_FOOTER
            })
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        OutputOptions options;

        @Override
        public Integer call() {
            CisCommand root = options.root();
            KbStore store = root.store();
            cis.render.Output out = options.output();
            Optional<Path> data = root.dataDirectory(Optional.ofNullable(options.data));
            Installed.Choice c = store.active();
            List<KbView.Row> rows = new ArrayList<>();
            if (store.installed().isPresent()) {
                Installed area = store.installed().get();
                try {
                    for (String v : area.versions()) {
                        Optional<KbMeta> meta = store.installedMeta(v);
                        boolean inUse = data.isEmpty() && c.version().equals(Optional.of(v));
                        rows.add(new KbView.Row(
                                v,
                                "installed",
                                meta.map(KbMeta::reviewed),
                                meta.flatMap(KbMeta::sourcesUpTo),
                                inUse,
                                inUse && c.pinned(),
                                Optional.ofNullable(area.origin(v).get("installed")),
                                Optional.of(area.versionDirectory(v).toString())));
                    }
                } catch (IOException e) {
                    options.warn("not listing the installed knowledge bases: " + e.getMessage());
                }
            }
            KbMeta bundled;
            try {
                bundled = store.bundledMeta();
            } catch (KbException e) {
                throw new CisCommand.KbFailure(e);
            }
            boolean bundledInUse = data.isEmpty() && !c.installed();
            rows.add(new KbView.Row(
                    bundled.version(),
                    "bundled",
                    Optional.of(bundled.reviewed()),
                    bundled.sourcesUpTo(),
                    bundledInUse,
                    bundledInUse && c.pinned(),
                    Optional.empty(),
                    Optional.empty()));
            out.print(rows, new KbView.Listing());
            data.ifPresent(d -> options.context()
                    .err()
                    .print("cis: note: " + (options.data != null ? "--data" : "CIS_DATA") + " names the knowledge base "
                            + "that answers: " + d + "\n"));
            c.warning().ifPresent(options::warn);
            return ExitCode.OK;
        }
    }

    /** {@code cis kb use VERSION|bundled|latest}. */
    @Command(
            name = "use",
            header = "Choose the knowledge base that answers.",
            description = {
                "Make an installed knowledge base (see 'cis kb list'), or the bundled one, the one that answers, and "
                        + "pin it: 'cis update' still installs newer ones, but does not switch to them.",
                "'latest' ends the pin: the newest installed knowledge base answers (the bundled one if it is newer), "
                        + "and 'cis update' switches again."
            },
            mixinStandardHelpOptions = true,
            footer = {
                "%nExamples:",
                "  cis kb use bundled",
                "      the knowledge base inside cis",
                "  cis kb use latest",
                "      the newest again, and follow updates",
                ExitCode.HELP_FOOTER
            })
    static final class UseCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(
                paramLabel = "VERSION",
                completionCandidates = Candidates.KbChoices.class,
                description = "An installed version (see 'cis kb list'), bundled, or latest.")
        String version;

        @Option(
                names = {"-v", "--verbose"},
                description = "Show details of errors, including stack traces.")
        boolean verbose;

        @Override
        @SuppressWarnings("try") // the lock is held through the block, not used in it
        public Integer call() {
            CisCommand root = root(spec);
            KbStore store = root.store();
            Installed area = area(root);
            Installed.Pointer p;
            try {
                if (!KbVersions.RESERVED.contains(version) && !area.versions().contains(version)) {
                    List<String> installed = area.versions();
                    throw CliException.notFound(
                            "no installed knowledge base '" + Lookups.shown(version) + "'",
                            installed.isEmpty()
                                    ? "None is installed: 'cis update' installs one. 'bundled' and 'latest' work too."
                                    : "Installed: " + String.join(", ", installed) + "; or 'bundled', 'latest'.");
                }
            } catch (IOException e) {
                throw cannotChange(e);
            }
            try (Installed.Lock lock = area.lock()) {
                List<String> installed = area.versions();
                if (version.equals("latest")) {
                    String bundled = bundledVersion(store);
                    String newest = installed.isEmpty() || KbVersions.compare(installed.get(0), bundled) <= 0
                            ? Installed.BUNDLED
                            : installed.get(0);
                    p = area.activate(newest, false);
                } else if (version.equals(Installed.BUNDLED)) {
                    p = area.activate(Installed.BUNDLED, true);
                } else {
                    if (!installed.contains(version)) {
                        throw CliException.notFound(
                                "no installed knowledge base '" + Lookups.shown(version) + "'",
                                installed.isEmpty()
                                        ? "None is installed: 'cis update' installs one. 'bundled' and 'latest' work too."
                                        : "Installed: " + String.join(", ", installed) + "; or 'bundled', 'latest'.");
                    }
                    if (store.installedMeta(version).isEmpty()) {
                        throw new CliException(
                                ExitCode.KB_INVALID,
                                "the installed knowledge base " + version + " cannot be read",
                                "Run 'cis validate' with --data " + area.versionDirectory(version) + " to see why.");
                    }
                    p = area.activate(version, true);
                }
            } catch (IOException e) {
                throw cannotChange(e);
            }
            store.forget();
            UpdateCommand.print(root.context(), "In use now: " + named(p.use(), store) + pinNote(p.pinned()));
            return ExitCode.OK;
        }
    }

    /** {@code cis kb rollback}. */
    @Command(
            name = "rollback",
            header = "Go back to the knowledge base in use before.",
            description = "Make the knowledge base that was in use before the last 'cis update' or 'cis kb use' the "
                    + "one that answers again, and pin it, so that 'cis update' does not undo the rollback ('cis kb "
                    + "use latest' ends the pin). Each rollback goes one step further back.",
            mixinStandardHelpOptions = true,
            footer = {"%nExamples:", "  cis kb rollback", "      undo the last update", ExitCode.HELP_FOOTER})
    static final class RollbackCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = {"-v", "--verbose"},
                description = "Show details of errors, including stack traces.")
        boolean verbose;

        @Override
        @SuppressWarnings("try") // the lock is held through the block, not used in it
        public Integer call() {
            CisCommand root = root(spec);
            KbStore store = root.store();
            Installed area = area(root);
            Optional<Installed.Pointer> back;
            try (Installed.Lock lock = area.lock()) {
                back = area.rollback();
            } catch (IOException e) {
                throw cannotChange(e);
            }
            if (back.isEmpty()) {
                throw CliException.notFound(
                        "there is nothing to roll back to: no other knowledge base was in use before this one",
                        "'cis kb list' shows what is installed; 'cis kb use VERSION' chooses one.");
            }
            store.forget();
            UpdateCommand.print(root.context(), "Back to " + named(back.get().use(), store) + pinNote(true));
            return ExitCode.OK;
        }
    }

    /** {@code cis kb pack DIR --out FILE [--sign-key KEY.pem]}. */
    @Command(
            name = "pack",
            header = "Pack a knowledge base directory into a signed bundle.",
            description = {
                "Check the knowledge base in DIR as 'cis validate' does, then write one bundle file (a tar.gz): a "
                        + "manifest (version, review day, the sources' last day, each file's SHA-256), its Ed25519 "
                        + "signature, and the YAML files. 'cis update --from' installs it.",
                "Sign with a key kept out of every repository; its .pub must be beside it."
            },
            mixinStandardHelpOptions = true,
            sortOptions = false,
            footer = {
                "%nExamples:",
                "  cis kb pack data --out cis-kb.tar.gz --sign-key ~/keys/cis-project.pem",
                "      the project's bundle, for its release page",
                "  cis kb pack ~/my-kb --out my-kb.tar.gz --sign-key my.pem",
                "      a knowledge base of your own, for 'cis update --from'",
                ExitCode.HELP_FOOTER
            })
    static final class PackCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The knowledge base directory (kb.yaml, states.yaml, …).")
        Path dir;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle file to write.")
        Path out;

        @Option(
                names = "--sign-key",
                paramLabel = "KEY.pem",
                description = "Sign with this private key (repeatable); KEY.pub must be beside it.")
        List<Path> signKeys = new ArrayList<>();

        @Option(
                names = {"-v", "--verbose"},
                description = "Show details of errors, including stack traces.")
        boolean verbose;

        @Override
        public Integer call() {
            CisCommand root = root(spec);
            CliContext ctx = root.context();
            if (!Files.isDirectory(dir)) {
                throw new CliException(
                        ExitCode.KB_INVALID,
                        dir + (Files.exists(dir) ? " is not a directory" : " does not exist"),
                        "Give the directory that holds kb.yaml and states.yaml.");
            }
            Publishing.Packed packed;
            try {
                packed = Publishing.pack(
                        root.store(), dir, out, signKeys, w -> ctx.err().print("cis: warning: " + w + "\n"));
            } catch (UpdateException e) {
                throw new CliException(
                        UpdateCommand.code(e.kind()), e.getMessage(), e.hint().orElse(null));
            } catch (KbException e) {
                String first = e.problems().isEmpty()
                        ? e.getMessage()
                        : e.problems().get(0).toString();
                throw new CliException(
                        ExitCode.KB_INVALID,
                        "cannot pack " + dir + ": " + first
                                + (e.problems().size() > 1
                                        ? " (and " + (e.problems().size() - 1) + " more)"
                                        : ""),
                        "Run 'cis validate " + dir + "' to list every problem.");
            }
            var m = packed.manifest();
            UpdateCommand.print(
                    ctx,
                    "Packed knowledge base " + m.version() + " (reviewed " + m.reviewed() + ") into " + packed.out()
                            + " (" + Math.max(1, packed.bytes() / 1024) + " KiB)"
                            + (packed.signedBy().isEmpty()
                                    ? ", unsigned."
                                    : ", signed by key " + String.join(", ", packed.signedBy()) + "."));
            if (packed.signedBy().isEmpty()) {
                ctx.err()
                        .print("cis: warning: the bundle is not signed, and 'cis update' installs only signed bundles; "
                                + "sign it with --sign-key KEY.pem\n");
            }
            return ExitCode.OK;
        }
    }

    /** {@code cis kb keygen --out NAME}. */
    @Command(
            name = "keygen",
            header = "Make an Ed25519 key pair for signing bundles.",
            description = "Write a new Ed25519 key pair: NAME.pem, the private key (PKCS#8, mode 0600: keep it secret "
                    + "and out of every repository), and NAME.pub, the public key (X.509), which users trust with "
                    + "'cis update --trust NAME.pub' or by putting it in ~/.config/cis/trusted-keys/. Never overwrites "
                    + "a file.",
            mixinStandardHelpOptions = true,
            footer = {
                "%nExamples:",
                "  cis kb keygen --out ~/keys/our-kb",
                "      ~/keys/our-kb.pem and ~/keys/our-kb.pub",
                ExitCode.HELP_FOOTER
            })
    static final class KeygenCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "NAME", description = "Write NAME.pem and NAME.pub.")
        Path out;

        @Option(
                names = {"-v", "--verbose"},
                description = "Show details of errors, including stack traces.")
        boolean verbose;

        @Override
        public Integer call() {
            CliContext ctx = root(spec).context();
            Publishing.KeyFiles keys;
            try {
                keys = Publishing.keygen(out);
            } catch (UpdateException e) {
                throw new CliException(
                        UpdateCommand.code(e.kind()), e.getMessage(), e.hint().orElse(null));
            }
            UpdateCommand.print(
                    ctx,
                    "Wrote " + keys.privateKey()
                            + " (the private key: keep it secret, and out of every repository) and "
                            + keys.publicKey() + " (the public key, id " + keys.id()
                            + ": publish it beside your bundles).");
            return ExitCode.OK;
        }
    }
}
