package cis.cli;

import cis.model.KbException;
import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.render.Text;
import cis.store.KbStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: holds the injected context and loads the KB at most once per run. */
@Command(
        name = "cis",
        description = "Answers questions about the Commonwealth of Independent States (CIS): "
                + "who is a member, since when, and what changed.",
        mixinStandardHelpOptions = true,
        versionProvider = CisCommand.Version.class,
        footer = {
            "%nExamples:",
            "  cis status Turkmenistan",
            "      status, since when, what it means",
            "  cis status Georgia --history --sources",
            "      the full timeline, with citations",
            "  cis states --as-of 2005-01-01",
            "      the CIS as it was on that day",
            "  cis officials --role chair --history",
            "      every chair, by date",
            "  cis sessions --body CHS --year 2025",
            "      the summits of 2025",
            "  cis status \"$COUNTRY\" --is member",
            "      exit 0 if it is a member, 1 if not",
            "%nRun 'cis help COMMAND' for a command's options and examples.",
            ExitCode.HELP_FOOTER
        })
public final class CisCommand {
    /**
     * The subcommands, in the order help lists them. Building picocli's model of a command costs
     * reflection, so a run builds only the one it was asked for ({@link #commandLine}).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    // Classes, not constructor references: picocli makes the instance, and no lambda is linked on
    // the way to an answer (the first costs the JVM milliseconds of java.lang.invoke start-up).
    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("states", StatesCommand.class);
        m.put("status", StatusCommand.class);
        m.put("officials", OfficialsCommand.class);
        m.put("sessions", SessionsCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("update", UpdateCommand.class);
        m.put("kb", KbCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("shell", ShellCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }

    private final CliContext context;
    private final KbStore store;
    private final Prompt prompt;
    /** What runs once the command has printed, in order: the --jq program over its JSON, the pager. */
    private final List<Runnable> afterRun = new java.util.ArrayList<>();

    /** A root command on a KB store (which a shell shares between its commands) and a prompt for {@code cis shell}. */
    public CisCommand(CliContext context, KbStore store, Prompt prompt) {
        this.context = context;
        this.store = store;
        this.prompt = prompt;
    }

    public CliContext context() {
        return context;
    }

    public KbStore store() {
        return store;
    }

    Prompt prompt() {
        return prompt;
    }

    void afterRun(Runnable r) {
        afterRun.add(r);
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when the first argument
     * is one, else with all of them (for help, suggestions and completion).
     */
    /** The subcommands' names, in the order help lists them. */
    public static java.util.Set<String> subcommandNames() {
        return SUBCOMMANDS.keySet();
    }

    /** The subcommands' classes by name, in the order help lists them: for the build's model generator. */
    public static Map<String, Class<?>> subcommandTypes() {
        return java.util.Collections.unmodifiableMap(SUBCOMMANDS);
    }

    /** Runs one command line: parse, run, map any failure to a message and an exit code. */
    public static int execute(String[] args, CliContext context, KbStore store, Prompt prompt) {
        CommandLine cmd = commandLine(context, store, prompt, args);
        // Inside cis shell (which runs its lines without a prompt of their own) commands are typed
        // without "cis": help, suggestions and hints say "status --help", not "cis status --help".
        boolean inShell = prompt == Prompt.NONE;
        if (inShell) {
            cmd.setCommandName("");
        }
        HelpLayout.apply(cmd, context.terminalWidth());
        // help and --version, which picocli prints, fit the terminal; commands print through Output
        cmd.setOut(new java.io.PrintWriter(new cis.render.FoldingWriter(context.out(), context.terminalWidth())));
        cmd.setErr(context.err());
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.stdoutIsTerminal() && OutputOptions.colorWanted(context.env())
                        ? CommandLine.Help.Ansi.ON
                        : CommandLine.Help.Ansi.OFF));
        Errors errors = new Errors(context, inShell ? "" : "cis ");
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        int code = cmd.execute(args);
        for (Runnable r : ((CisCommand) cmd.getCommand()).afterRun) {
            try {
                r.run();
            } catch (CliException e) {
                int failed = errors.report(e);
                code = code == ExitCode.OK ? failed : code;
            }
        }
        context.out().flush();
        context.err().flush();
        return code;
    }

    /**
     * The command line for running {@code args}: the subcommand they name, and no other; or, when
     * they name none (help, a typo), every subcommand as a stub of a name and a description, which
     * is all that the root's help and "did you mean" need, at a fraction of picocli's start-up cost.
     * {@code help X} gets X in full.
     */
    public static CommandLine commandLine(CliContext context, KbStore store, Prompt prompt, String... args) {
        CommandLine cmd = new CommandLine(CommandModels.model(new CisCommand(context, store, prompt)));
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cmd.addSubcommand(first, withFormats(SUBCOMMANDS.get(first))); // the others are not needed
            return cmd;
        }
        String second = first.equals("help") && args.length > 1 ? args[1] : "";
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            String name = e.getKey();
            if (name.equals(first) || name.equals(second)) {
                cmd.addSubcommand(name, withFormats(e.getValue()));
            } else {
                cmd.addSubcommand(name, stub(name, e.getValue()));
            }
        }
        return cmd;
    }

    /** The whole model, every subcommand included: for completion scripts and the shell's completer. */
    public static CommandLine fullCommandLine(CliContext context) {
        CommandLine cmd =
                new CommandLine(CommandModels.model(new CisCommand(context, KbStore.withoutCache(), Prompt.NONE)));
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            cmd.addSubcommand(e.getKey(), withFormats(e.getValue()));
        }
        return cmd;
    }

    /**
     * A command's model, whose --format offers ics only where calendars are written: in help, in
     * completion and in the error for a wrong format. (The option is declared once, in {@link
     * OutputOptions}; the model is changed here rather than declaring it per command.)
     */
    private static CommandLine withFormats(Class<?> command) {
        CommandLine line = new CommandLine(CommandModels.model(command));
        if (!WritesCalendar.class.isAssignableFrom(command)) {
            return line;
        }
        CommandLine.Model.CommandSpec spec = line.getCommandSpec();
        CommandLine.Model.OptionSpec format = spec.findOption("--format");
        List<CommandLine.Model.OptionSpec> options = spec.options().stream()
                .filter(o -> o.group() == null) // picocli keeps a group's options where they are
                .toList();
        options.forEach(spec::remove);
        Iterable<String> formats = new Candidates.CalendarFormats();
        for (CommandLine.Model.OptionSpec o : options) {
            spec.addOption(
                    o != format
                            ? o
                            : CommandLine.Model.OptionSpec.builder(o)
                                    .completionCandidates(formats)
                                    .converters(new Converters.FormatConverter(formats))
                                    .build());
        }
        return line;
    }

    private static CommandLine stub(String name, Class<?> type) {
        CommandLine.Model.CommandSpec spec =
                CommandLine.Model.CommandSpec.create().name(name);
        String[][] summary = CommandModels.summaryOf(type);
        spec.usageMessage().header(summary[0]).description(summary[1]);
        return new CommandLine(spec);
    }

    /**
     * The KB from {@code --data}, else {@code CIS_DATA}, else the installed update in use, else the
     * bundled one, with at least the given parts. Loaded at most once per run (a shell keeps it for
     * every command). {@code warnings} hears why an installed update was not used.
     */
    KnowledgeBase knowledgeBase(
            Optional<Path> data, Set<KbPart> parts, Consumer<String> notes, Consumer<String> warnings) {
        try {
            return store.load(dataDirectory(data), parts, notes, warnings);
        } catch (KbException e) {
            throw new KbFailure(e);
        }
    }

    /** The KB directory from {@code --data}, else {@code CIS_DATA}; empty for the bundled KB. */
    Optional<Path> dataDirectory(Optional<Path> data) {
        Optional<Path> dir = data.or(() -> Optional.ofNullable(context.env().get("CIS_DATA"))
                .filter(s -> !s.isBlank())
                .map(Path::of));
        if (dir.isEmpty()) {
            return dir;
        }
        Path d = dir.get();
        String from = data.isPresent() ? "--data" : "CIS_DATA";
        if (!Files.exists(d)) {
            throw new CliException(
                    ExitCode.KB_INVALID,
                    "knowledge base " + d + " (from " + from + ") does not exist",
                    "Point " + from
                            + " at a directory holding kb.yaml and states.yaml, or unset it to use the bundled one.");
        }
        if (!Files.isDirectory(d)) {
            throw new CliException(
                    ExitCode.KB_INVALID,
                    "knowledge base " + d + " (from " + from + ") is not a directory",
                    "Point " + from + " at the directory that holds kb.yaml and states.yaml.");
        }
        if (!Files.isReadable(d)) {
            throw new CliException(
                    ExitCode.KB_INVALID,
                    "knowledge base " + d + " (from " + from + ") is not readable",
                    "Check the directory's permissions.");
        }
        return dir;
    }

    /** Carries a {@link KbException} through picocli's execution to the exit-code mapping. */
    static final class KbFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KbFailure(KbException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        KbException kbException() {
            return (KbException) getCause();
        }
    }

    /** The tool's own version, from build.properties written by the build. */
    static String toolVersion() {
        return buildProperty("version").orElse("dev");
    }

    /** A property the build wrote into build.properties (the version, the knowledge base URL). */
    static Optional<String> buildProperty(String key) {
        try (var in = CisCommand.class.getResourceAsStream("/cis/build.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty(key, "");
            return v.isBlank() || v.startsWith("${") ? Optional.empty() : Optional.of(v.strip());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** {@code cis --version}: the tool's version and the KB's, without loading the states. */
    static final class Version implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            String tool = toolVersion();
            CisCommand root = (CisCommand) spec.root().userObject();
            try {
                Optional<Path> data = root.dataDirectory(Optional.empty());
                KbMeta meta = root.store.meta(data);
                // a line each: short enough for any terminal, and one grep away for a script
                List<String> lines = new java.util.ArrayList<>(List.of(
                        "cis " + tool,
                        Text.neutralize("knowledge base " + meta.version(), false),
                        "facts last reviewed " + meta.reviewed()));
                meta.sourcesUpTo().ifPresent(d -> lines.add("sources up to " + d));
                if (data.isEmpty()) {
                    root.store
                            .activeDirectory()
                            .ifPresent(p -> lines.add(Text.neutralize("from installed update (" + p + ")", false)));
                    root.store.active().warning().ifPresent(w -> lines.add(Text.neutralize("warning: " + w, false)));
                }
                return lines.toArray(String[]::new);
            } catch (KbException | CliException e) {
                return new String[] {
                    "cis " + tool, Text.neutralize("knowledge base unreadable: " + e.getMessage(), false)
                };
            }
        }
    }
}
