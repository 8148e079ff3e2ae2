package cis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cis.cli.CisCommand;
import cis.cli.CliContext;
import cis.cli.Prompt;
import cis.model.Names;
import cis.store.KbStore;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The start-up rules listed in {@code cis/package-info.java}, each checked here. */
class PerformanceRulesTest {
    @Test
    void everySubcommandIsTrained() {
        Set<String> trained = Arrays.stream(Training.COMMANDS).map(c -> c[0]).collect(Collectors.toSet());
        assertThat(trained).containsAll(CisCommand.subcommandNames());
    }

    @Test
    void onlyTheCommandBeingRunIsModelled() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CliContext ctx =
                new CliContext(sink, sink, InputStream.nullInputStream(), Map.of(), Clock.systemUTC(), false, 80);
        CommandLine status = CisCommand.commandLine(ctx, KbStore.withoutCache(), Prompt.NONE, "status", "Russia");
        assertThat(status.getSubcommands()).containsOnlyKeys("status");
        CommandLine help = CisCommand.commandLine(ctx, KbStore.withoutCache(), Prompt.NONE, "--help");
        assertThat(help.getSubcommands().keySet()).containsAll(CisCommand.subcommandNames());
        // stubs: a name and a description, no options of their own
        assertThat(help.getSubcommands().get("status").getCommandSpec().options())
                .isEmpty();
    }

    /** The full fold the ASCII shortcut must agree with. */
    static String fullFold(String name) {
        String bare = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Test
    void theAsciiFoldEqualsTheUnicodeOneOnEveryString() {
        Random random = new Random(20261202L);
        for (int round = 0; round < 50_000; round++) {
            char[] chars = new char[random.nextInt(24)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(128);
            }
            String s = new String(chars);
            assertThat(Names.normalize(s)).as("%s", s.chars().boxed().toList()).isEqualTo(fullFold(s));
        }
    }

    @Test
    void noMainCodeCallsAModelRecordsEqualsOrHashCode() {
        DescribedPredicate<JavaMethodCall> recordEquality = DescribedPredicate.describe(
                "equals or hashCode of a model record",
                call -> call.getTargetOwner().isRecord()
                        && call.getTargetOwner().getPackageName().startsWith("cis.model")
                        && (call.getName().equals("equals") || call.getName().equals("hashCode")));
        noClasses().should().callMethodWhere(recordEquality).check(LayeringTest.CIS);
    }

    @Test
    void noClassUsesInvokedynamicStringConcatenation() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as("%s", f).doesNotContain("java/lang/invoke/StringConcatFactory");
            }
        }
    }
}
