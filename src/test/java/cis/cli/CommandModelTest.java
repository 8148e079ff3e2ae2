package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cis.store.KbStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The models the build generates from the annotations ({@link CommandModels}) are the models picocli
 * reads from them, in every detail picocli uses: names, arity, types, converters, candidates,
 * initial values, order, texts, mixins and subcommands, and the help they print.
 */
class CommandModelTest {
    static Stream<Class<?>> commands() {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> t : CisCommand.subcommandTypes().values()) {
            if (!t.getName().startsWith("picocli.")) {
                all.add(t);
            }
        }
        return all.stream();
    }

    @Test
    void theBuildGeneratedTheModels() {
        assertThat(CommandModels.generated()).isTrue();
        assertThat(CommandModels.model(StatusCommand.class)).isInstanceOf(CommandSpec.class);
        assertThat(CommandModels.model(new CisCommand(null, KbStore.withoutCache(), Prompt.NONE)))
                .isInstanceOf(CommandSpec.class);
    }

    @Test
    void theRootCommandIsTheSame() {
        CisCommand annotated = new CisCommand(null, KbStore.withoutCache(), Prompt.NONE);
        CisCommand generated = new CisCommand(null, KbStore.withoutCache(), Prompt.NONE);
        assertThat(dump(new CommandLine(CommandModels.model(generated)))).isEqualTo(dump(new CommandLine(annotated)));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandIsTheSame(Class<?> command) {
        Object model = CommandModels.model(command);
        assertThat(model).as("generated").isInstanceOf(CommandSpec.class);
        assertThat(dump(new CommandLine(model))).isEqualTo(dump(new CommandLine(command)));
    }

    /** Root help lists every command by the header and description its annotation gives. */
    @Test
    void everySummaryIsTheAnnotations() {
        for (Class<?> type : CisCommand.subcommandTypes().values()) {
            CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
            assertThat(CommandModels.summaryOf(type))
                    .as(type.getName())
                    .isDeepEqualTo(new String[][] {command.header(), command.description()});
        }
    }

    /** An argument group's options land on a new object of the group's class, one at most here. */
    @Test
    void anArgumentGroupWorksAsPicocliMakesIt() {
        List<java.util.function.Supplier<Object>> models =
                List.of(() -> CommandModels.model(SessionsCommand.class), () -> SessionsCommand.class);
        for (java.util.function.Supplier<Object> model : models) {
            CommandLine line = new CommandLine(model.get());
            line.parseArgs("--next");
            SessionsCommand c = line.getCommand();
            assertThat(c.when).isNotNull();
            assertThat(c.when.next).isTrue();
            assertThat(c.when.past).isFalse();
            CommandLine other = new CommandLine(model.get());
            other.parseArgs("--year", "2025");
            assertThat(((SessionsCommand) other.getCommand()).when).isNull();
            assertThatThrownBy(() -> new CommandLine(model.get()).parseArgs("--past", "--next"))
                    .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class)
                    .hasMessageContaining("mutually exclusive");
        }
    }

    /** Everything about a command line that picocli's parser and help read, as text. */
    static String dump(CommandLine line) {
        StringBuilder b = new StringBuilder();
        dump(line.getCommandSpec(), b, "");
        for (int width : new int[] {40, 80, 120}) {
            HelpLayout.apply(line, width);
            b.append("usage at ").append(width).append(":\n").append(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
            b.append("subcommand ").append(sub.getKey()).append(":\n").append(dump(sub.getValue()));
        }
        return b.toString();
    }

    private static void dump(CommandSpec s, StringBuilder b, String indent) {
        b.append(indent).append("command ").append(s.name()).append(" aliases ").append(Arrays.toString(s.aliases()));
        b.append(" standard help ").append(s.mixinStandardHelpOptions());
        b.append(" version provider ")
                .append(
                        s.versionProvider() == null
                                ? "-"
                                : s.versionProvider().getClass().getName());
        b.append(" user object ")
                .append(s.userObject() == null ? "-" : s.userObject().getClass().getName())
                .append('\n');
        UsageMessageSpec u = s.usageMessage();
        b.append(indent)
                .append("usage header ")
                .append(Arrays.toString(u.header()))
                .append(" description ")
                .append(Arrays.toString(u.description()))
                .append(" footer ")
                .append(Arrays.toString(u.footer()))
                .append(" sort ")
                .append(u.sortOptions())
                .append(" abbreviate ")
                .append(u.abbreviateSynopsis())
                .append(" hidden ")
                .append(u.hidden())
                .append(" defaults ")
                .append(u.showDefaultValues())
                .append(" synopsis ")
                .append(Arrays.toString(u.customSynopsis()))
                .append('\n');
        b.append(indent)
                .append("parser separator ")
                .append(s.parser().separator())
                .append(" exit codes ")
                .append(s.exitCodeOnSuccess())
                .append(s.exitCodeOnUsageHelp())
                .append(s.exitCodeOnInvalidInput())
                .append(s.exitCodeOnExecutionException())
                .append('\n');
        for (Map.Entry<String, CommandSpec> m : s.mixins().entrySet()) {
            b.append(indent).append("mixin ").append(m.getKey()).append('\n');
            if (!m.getKey().equals("mixinStandardHelpOptions")) {
                dump(m.getValue(), b, indent + "  ");
            }
        }
        for (OptionSpec o : s.options()) {
            b.append(indent)
                    .append("option ")
                    .append(Arrays.toString(o.names()))
                    .append(" order ")
                    .append(o.order())
                    .append(" usage help ")
                    .append(o.usageHelp())
                    .append(" version help ")
                    .append(o.versionHelp())
                    .append(" negatable ")
                    .append(o.negatable())
                    .append(" fallback ")
                    .append(o.fallbackValue())
                    .append(" group ")
                    .append(o.group() != null)
                    .append('\n');
            arg(o, b, indent + "  ");
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            b.append(indent)
                    .append("positional ")
                    .append(p.index())
                    .append(" unspecified ")
                    .append(p.index().isUnspecified())
                    .append('\n');
            arg(p, b, indent + "  ");
        }
        for (CommandLine.Model.ArgGroupSpec g : s.argGroups()) {
            b.append(indent)
                    .append("group exclusive ")
                    .append(g.exclusive())
                    .append(" multiplicity ")
                    .append(g.multiplicity())
                    .append(" validate ")
                    .append(g.validate())
                    .append(" order ")
                    .append(g.order())
                    .append(" heading ")
                    .append(g.heading())
                    .append(" key ")
                    .append(g.headingKey())
                    .append(" type ")
                    .append(g.typeInfo().getType().getName())
                    .append(' ')
                    .append(Arrays.toString(g.typeInfo().getAuxiliaryTypes()))
                    .append(" multi ")
                    .append(g.typeInfo().isMultiValue())
                    .append(" subgroups ")
                    .append(g.subgroups().size())
                    .append(" synopsis ")
                    .append(g.synopsis())
                    .append('\n');
            for (ArgSpec a : g.args()) {
                b.append(indent).append("  member ").append(a).append('\n');
                arg(a, b, indent + "    ");
            }
        }
    }

    private static void arg(ArgSpec a, StringBuilder b, String indent) {
        boolean picocliOwn =
                a.userObject() != null && a.userObject().getClass().getName().startsWith("picocli.")
                        || a.toString().contains("AutoHelpMixin");
        b.append(indent)
                .append("arity ")
                .append(a.arity())
                .append(" unspecified ")
                .append(a.arity().isUnspecified())
                .append(" required ")
                .append(a.required())
                .append(" label ")
                .append(a.paramLabel())
                .append(" hide syntax ")
                .append(a.hideParamSyntax())
                .append(" hidden ")
                .append(a.hidden())
                .append(" interactive ")
                .append(a.interactive())
                .append('\n');
        b.append(indent)
                .append("split ")
                .append(a.splitRegex())
                .append(" split label ")
                .append(a.splitRegexSynopsisLabel())
                .append(" description ")
                .append(Arrays.toString(a.description()))
                .append(" key ")
                .append(a.descriptionKey())
                .append('\n');
        b.append(indent)
                .append("default ")
                .append(a.defaultValue())
                .append(" show default ")
                .append(a.showDefaultValue())
                .append(" initial ")
                .append(a.initialValue())
                .append(" has initial ")
                .append(a.hasInitialValue())
                .append(" inherited ")
                .append(a.inherited())
                .append(" scope ")
                .append(a.scopeType())
                .append('\n');
        b.append(indent)
                .append("type ")
                .append(a.type().getName())
                .append(" auxiliary ")
                .append(Arrays.toString(a.auxiliaryTypes()))
                .append(" multi ")
                .append(a.isMultiValue())
                .append(" collection ")
                .append(a.typeInfo().isCollection())
                .append(" map ")
                .append(a.typeInfo().isMap())
                .append(" array ")
                .append(a.typeInfo().isArray())
                .append(" optional ")
                .append(a.typeInfo().isOptional())
                .append(" enum ")
                .append(a.typeInfo().isEnum())
                .append(" boolean ")
                .append(a.typeInfo().isBoolean())
                .append(" constants ")
                .append(a.typeInfo().getEnumConstantNames())
                .append('\n');
        b.append(indent).append("converters ");
        for (CommandLine.ITypeConverter<?> c : a.converters()) {
            b.append(c.getClass().getName()).append(' ');
        }
        b.append("candidates ");
        if (a.completionCandidates() != null) {
            b.append(a.completionCandidates().getClass().getName()).append(' ');
            a.completionCandidates().forEach(v -> b.append(v).append(','));
        }
        b.append(" consumer ").append(a.parameterConsumer()).append('\n');
        if (!picocliOwn) {
            b.append(indent).append("as text ").append(a).append('\n');
        }
        // as declared, before variables such as ${COMPLETION-CANDIDATES} are expanded
        cis.cli.docs.CommandModelSource.Raw raw = cis.cli.docs.CommandModelSource.Raw.of(a);
        b.append(indent)
                .append("declared ")
                .append(Arrays.toString(raw.description()))
                .append(' ')
                .append(raw.descriptionKey())
                .append(' ')
                .append(raw.paramLabel())
                .append(' ')
                .append(raw.splitRegex())
                .append(' ')
                .append(raw.splitRegexSynopsisLabel())
                .append(' ')
                .append(raw.defaultValue())
                .append('\n');
    }
}
