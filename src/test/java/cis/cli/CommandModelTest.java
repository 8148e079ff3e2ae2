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
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            groups(models);
        } finally {
            System.setErr(stderr);
        }
        // picocli warns on stderr when it cannot reset a member of a new group object
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    private static void groups(List<java.util.function.Supplier<Object>> models) {
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
        UsageMessageSpec u = s.usageMessage();
        line(
                b,
                indent,
                "command",
                s.name(),
                "aliases",
                s.aliases(),
                "standard help",
                s.mixinStandardHelpOptions(),
                "version provider",
                className(s.versionProvider()),
                "user object",
                className(s.userObject()));
        line(
                b,
                indent,
                "header",
                u.header(),
                "description",
                u.description(),
                "footer",
                u.footer(),
                "sort",
                u.sortOptions(),
                "abbreviate",
                u.abbreviateSynopsis(),
                "hidden",
                u.hidden(),
                "defaults",
                u.showDefaultValues(),
                "synopsis",
                u.customSynopsis());
        line(
                b,
                indent,
                "separator",
                s.parser().separator(),
                "exit codes",
                s.exitCodeOnSuccess(),
                s.exitCodeOnUsageHelp(),
                s.exitCodeOnInvalidInput(),
                s.exitCodeOnExecutionException());
        for (Map.Entry<String, CommandSpec> m : s.mixins().entrySet()) {
            line(b, indent, "mixin", m.getKey());
            if (!m.getKey().equals("mixinStandardHelpOptions")) {
                dump(m.getValue(), b, indent + "  ");
            }
        }
        for (OptionSpec o : s.options()) {
            line(
                    b,
                    indent,
                    "option",
                    o.names(),
                    "order",
                    o.order(),
                    "usage help",
                    o.usageHelp(),
                    "version help",
                    o.versionHelp(),
                    "negatable",
                    o.negatable(),
                    "fallback",
                    o.fallbackValue(),
                    "in a group",
                    o.group() != null);
            arg(o, b, indent + "  ");
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            line(b, indent, "positional", p.index(), "unspecified", p.index().isUnspecified());
            arg(p, b, indent + "  ");
        }
        for (CommandLine.Model.ArgGroupSpec g : s.argGroups()) {
            line(
                    b,
                    indent,
                    "group exclusive",
                    g.exclusive(),
                    "multiplicity",
                    g.multiplicity(),
                    "validate",
                    g.validate(),
                    "order",
                    g.order(),
                    "heading",
                    g.heading(),
                    "key",
                    g.headingKey(),
                    "type",
                    g.typeInfo().getType().getName(),
                    g.typeInfo().getAuxiliaryTypes(),
                    "multi",
                    g.typeInfo().isMultiValue(),
                    "subgroups",
                    g.subgroups().size(),
                    "synopsis",
                    g.synopsis());
            for (ArgSpec a : g.args()) {
                line(b, indent, "  member", a);
                arg(a, b, indent + "    ");
            }
        }
    }

    private static void arg(ArgSpec a, StringBuilder b, String indent) {
        boolean picocliOwn =
                a.userObject() != null && a.userObject().getClass().getName().startsWith("picocli.")
                        || a.toString().contains("AutoHelpMixin");
        line(
                b,
                indent,
                "arity",
                a.arity(),
                "unspecified",
                a.arity().isUnspecified(),
                "required",
                a.required(),
                "label",
                a.paramLabel(),
                "hide syntax",
                a.hideParamSyntax(),
                "hidden",
                a.hidden(),
                "interactive",
                a.interactive());
        line(
                b,
                indent,
                "split",
                a.splitRegex(),
                "split label",
                a.splitRegexSynopsisLabel(),
                "description",
                a.description(),
                "key",
                a.descriptionKey());
        line(
                b,
                indent,
                "default",
                a.defaultValue(),
                "show default",
                a.showDefaultValue(),
                "initial",
                // a group member's is read from each new group object (annotated) or is a new one's (generated)
                a.group() != null ? "of the group's object" : a.initialValue(),
                "has initial",
                a.hasInitialValue(),
                "inherited",
                a.inherited(),
                "scope",
                a.scopeType());
        CommandLine.Model.ITypeInfo t = a.typeInfo();
        line(
                b,
                indent,
                "type",
                a.type().getName(),
                "auxiliary",
                a.auxiliaryTypes(),
                "multi",
                a.isMultiValue(),
                "collection",
                t.isCollection(),
                "map",
                t.isMap(),
                "array",
                t.isArray(),
                "optional",
                t.isOptional(),
                "enum",
                t.isEnum(),
                "boolean",
                t.isBoolean(),
                "constants",
                t.getEnumConstantNames());
        List<String> converters = new ArrayList<>();
        for (CommandLine.ITypeConverter<?> c : a.converters()) {
            converters.add(c.getClass().getName());
        }
        List<String> candidates = new ArrayList<>();
        if (a.completionCandidates() != null) {
            a.completionCandidates().forEach(candidates::add);
        }
        line(
                b,
                indent,
                "converters",
                converters,
                "candidates",
                className(a.completionCandidates()),
                candidates,
                "consumer",
                a.parameterConsumer());
        if (!picocliOwn) {
            line(b, indent, "as text", a);
        }
        // as declared, before variables such as ${COMPLETION-CANDIDATES} are expanded
        cis.cli.docs.CommandModelSource.Raw raw = cis.cli.docs.CommandModelSource.Raw.of(a);
        line(
                b,
                indent,
                "declared",
                raw.description(),
                raw.descriptionKey(),
                raw.paramLabel(),
                raw.splitRegex(),
                raw.splitRegexSynopsisLabel(),
                raw.defaultValue());
    }

    private static String className(Object o) {
        return o == null ? "-" : o.getClass().getName();
    }

    /** One line of the dump: the values given, arrays spelled out. */
    private static void line(StringBuilder b, String indent, Object... values) {
        b.append(indent);
        for (Object v : values) {
            b.append(v instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(v))
                    .append(' ');
        }
        b.append('\n');
    }
}
