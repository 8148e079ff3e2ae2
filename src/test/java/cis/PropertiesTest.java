package cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.State;
import cis.query.StateStatus;
import cis.query.StatusQuery;
import cis.store.KbFiles;
import cis.yaml.KbLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties checked on many generated inputs. Each test draws from a fixed seed, so a failure
 * names the case and reruns the same way.
 */
class PropertiesTest {
    static final long SEED = 20261201L;

    @TempDir
    Path dir;

    @Test
    void mutatedKnowledgeBasesNeverCrashTheLoader() throws Exception {
        String original = Files.readString(Path.of("data/states.yaml"), StandardCharsets.UTF_8);
        Files.copy(Path.of("data/kb.yaml"), dir.resolve("kb.yaml"));
        Random random = new Random(SEED);
        String alphabet = ":-[]{}&*!|>'\"%@`#,? \t\n\u0000\u001b\u00e9\u0416\uFEFFabz019";
        for (int round = 0; round < 150; round++) {
            StringBuilder doc = new StringBuilder(original);
            int mutations = 1 + random.nextInt(5);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(doc.length());
                switch (random.nextInt(5)) {
                    case 0 -> doc.deleteCharAt(at);
                    case 1 -> doc.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> doc.setLength(at); // truncated file
                    case 3 -> doc.insert(at, doc.substring(at, Math.min(doc.length(), at + random.nextInt(200))));
                    default -> doc.replace(at, Math.min(doc.length(), at + 1), "\n  ");
                }
                if (doc.length() == 0) {
                    doc.append('x');
                }
            }
            Files.writeString(dir.resolve("states.yaml"), doc, StandardCharsets.UTF_8);
            int r = round;
            assertThatCode(() -> KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)))
                    .as("round %d of seed %d", r, SEED)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void randomBytesNeverCrashTheLoader() throws Exception {
        Files.copy(Path.of("data/kb.yaml"), dir.resolve("kb.yaml"));
        Random random = new Random(SEED);
        for (int round = 0; round < 100; round++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            Files.write(dir.resolve("states.yaml"), bytes);
            int r = round;
            assertThatCode(() -> assertThat(KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)))
                            .isNotEmpty())
                    .as("round %d of seed %d", r, SEED)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyStateHasExactlyOneStatusOnAnyDay() throws Exception {
        KnowledgeBase kb = KbLoader.load(KbFiles.bundled(), EnumSet.of(KbPart.STATES));
        Random random = new Random(SEED);
        LocalDate first = LocalDate.of(1900, 1, 1);
        for (int round = 0; round < 2000; round++) {
            LocalDate day = first.plusDays(random.nextInt(365 * 200));
            List<StateStatus> all = StatusQuery.all(kb, day, Set.of());
            assertThat(all).as("on %s", day).hasSize(kb.states().all().size());
            assertThat(all.stream().map(StateStatus::state).distinct())
                    .hasSize(kb.states().all().size());
            for (State s : kb.states().all()) {
                assertThat(s.periods().stream().filter(p -> p.contains(day)).count())
                        .as("%s on %s", s.name(), day)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void jsonOutputAlwaysParses() throws Exception {
        Random random = new Random(SEED);
        ObjectMapper json = new ObjectMapper();
        List<String[]> commands = new ArrayList<>();
        String[] states = {"Russia", "Ukraine", "Georgia", "Moldova", "Turkmenistan", "Estonia", "Azerbaijan"};
        for (int round = 0; round < 40; round++) {
            String day =
                    LocalDate.of(1985, 1, 1).plusDays(random.nextInt(365 * 45)).toString();
            commands.add(new String[] {"states", "--json", "--as-of", day});
            commands.add(new String[] {
                "status", states[random.nextInt(states.length)], "--history", "--sources", "--json", "--as-of", day
            });
            commands.add(new String[] {"officials", "--json", "--as-of", day});
            commands.add(new String[] {"sessions", "--json", "--year", String.valueOf(1991 + random.nextInt(36))});
        }
        commands.add(new String[] {"officials", "--history", "--json", "--sources"});
        commands.add(new String[] {"sessions", "--next", "--json", "--as-of", "2026-01-01"});
        for (String[] args : commands) {
            TestRun.Result r = TestRun.piped().run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            JsonNode node = json.readTree(r.out());
            assertThat(node.isArray()).as(String.join(" ", args)).isTrue();
        }
    }
}
