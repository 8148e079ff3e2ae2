package cis.cli;

import cis.cli.view.ProblemView;
import cis.model.KbPart;
import cis.model.Problem;
import cis.render.Output;
import cis.store.KbStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cis validate}: every problem in a KB, as {@code file:line:col: message}, then a summary. */
@Command(
        name = "validate",
        header = "Check a knowledge base and list every problem.",
        description = "Check a knowledge base and list every problem as file:line:col: message. Exit 0 when it "
                + "is valid, 4 when it is not.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {
            "%nExamples:",
            "  cis validate",
            "      the knowledge base in use (--data, CIS_DATA or the bundled one)",
            "  cis validate ~/my-kb",
            "      a knowledge base of your own",
            "  cis validate --json ~/my-kb/states.yaml",
            "      one file, the problems as JSON",
            ExitCode.HELP_FOOTER
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    OutputOptions options;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "KB directories, or single KB files (states.yaml, …). Default: --data, CIS_DATA or the "
                    + "bundled KB.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        Output out = options.output();
        List<Problem> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        if (paths.isEmpty()) {
            Optional<Path> dir = options.root().dataDirectory(Optional.ofNullable(options.data));
            problems.addAll(store().validate(dir, EnumSet.allOf(KbPart.class)));
            checked.add(store().describe(dir));
        }
        for (Path p : paths) {
            checked.add(p.toString());
            problems.addAll(validate(p));
        }

        out.print(problems, new ProblemView());
        String summary = problems.isEmpty()
                ? "cis: " + String.join(", ", checked) + ": valid, no problems\n"
                : "cis: " + String.join(", ", checked) + ": " + problems.size()
                        + (problems.size() == 1 ? " problem\n" : " problems\n");
        options.context().err().print(summary);
        options.context().err().flush();
        return problems.isEmpty() ? ExitCode.OK : ExitCode.KB_INVALID;
    }

    /** A directory is a whole KB; a single file is checked with what it refers to in its directory. */
    private KbStore store() {
        return options.root().store();
    }

    private List<Problem> validate(Path p) {
        if (Files.isDirectory(p)) {
            return store().validate(Optional.of(p), EnumSet.allOf(KbPart.class));
        }
        if (!Files.exists(p)) {
            throw new CliException(
                    ExitCode.KB_INVALID, p + " does not exist", "Give a KB directory or one of its files.");
        }
        String name = p.getFileName().toString();
        Set<KbPart> parts = Arrays.stream(KbPart.values())
                .filter(k -> k.file().equals(name))
                .collect(() -> EnumSet.noneOf(KbPart.class), Set::add, Set::addAll);
        if (parts.isEmpty() && !name.equals(KbPart.META_FILE)) {
            throw CliException.usage(
                    name + " is not a KB file",
                    "KB files: " + KbPart.META_FILE + ", "
                            + String.join(
                                    ", ",
                                    Arrays.stream(KbPart.values())
                                            .map(KbPart::file)
                                            .toList()) + ".");
        }
        Path dir = Optional.ofNullable(p.toAbsolutePath().getParent()).orElse(Path.of("."));
        return store().validate(Optional.of(dir), parts);
    }
}
