package cis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cis completion bash|zsh|fish}: prints the completion script; {@code source <(cis completion bash)}. */
@Command(
        name = "completion",
        header = "Print a shell completion script (bash, zsh or fish).",
        description = "Print the shell completion script for bash, zsh or fish. Completion covers commands, "
                + "options, their values and the names in the knowledge base.",
        mixinStandardHelpOptions = true,
        footer = {
            "%nExamples:",
            "  source <(cis completion bash)",
            "      bash, for this session; for good, save it as",
            "      ~/.local/share/bash-completion/completions/cis",
            "  cis completion zsh > ~/.zfunc/_cis",
            "      zsh, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc",
            "  cis completion fish > ~/.config/fish/completions/cis.fish",
            "      fish",
            ExitCode.HELP_FOOTER
        })
final class CompletionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "SHELL",
            completionCandidates = Candidates.Shells.class,
            description = "bash, zsh or fish.")
    String shell;

    @Override
    public Integer call() throws IOException {
        String script = bundled(shell.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> CliException.usage(
                        "no completion script for '" + Lookups.shown(shell) + "'", "Shells: bash, zsh, fish."));
        CisCommand root = (CisCommand) spec.root().userObject();
        root.context().out().print(script);
        root.context().out().flush();
        return ExitCode.OK;
    }

    /**
     * The script for {@code shell} as bundled in the jar (no KB is read to print it); written by the
     * completions profile, and checked against the commands by a test.
     */
    static Optional<String> bundled(String shell) throws IOException {
        String file = switch (shell) {
            case "bash" -> "cis.bash";
            case "zsh" -> "_cis";
            case "fish" -> "cis.fish";
            default -> null;
        };
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = CompletionCommand.class.getResourceAsStream("/cis/completions/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
