package cis;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.Body;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Role;
import cis.model.Session;
import cis.model.Source;
import cis.model.State;
import cis.query.OfficialsQuery;
import cis.query.StatusQuery;
import cis.store.KbStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Facts the bundled KB must hold, each with the publisher page it rests on
 * ({@code src/test/resources/facts.tsv}: kind, subject, day, expected answer, source). Separate
 * from the golden files, which pin rendering on a frozen KB: a fact fixed in {@code data/}
 * changes the data and this file, never a golden file. The source must be one the KB cites for
 * the fact, so a fact cannot quietly lose its source either.
 */
class FactsTest {
    static final Path FACTS = Path.of("src/test/resources/facts.tsv");
    static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KbStore.withoutCache().load(Optional.empty(), EnumSet.allOf(KbPart.class), n -> {});
    }

    record Fact(String kind, String subject, LocalDate day, String expected, String source) {}

    @TestFactory
    Stream<DynamicTest> everyFactHolds() throws Exception {
        List<Fact> facts = Files.readAllLines(FACTS, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .map(f -> new Fact(f[0], f[1], LocalDate.parse(f[2]), f[3], f[4]))
                .toList();
        assertThat(facts).hasSizeGreaterThanOrEqualTo(30);
        return facts.stream()
                .map(f -> DynamicTest.dynamicTest(f.kind() + " " + f.subject() + " on " + f.day(), () -> check(f)));
    }

    static void check(Fact f) {
        switch (f.kind()) {
            case "status" -> {
                State state = kb.states().names().find(f.subject()).orElseThrow();
                var status = StatusQuery.of(state, f.day());
                assertThat(status.status().id()).isEqualTo(f.expected());
                assertThat(urls(status.period().map(p -> p.sources()).orElse(List.of())))
                        .as("the KB cites %s for it", f.source())
                        .contains(f.source());
            }
            case "session" -> {
                String[] s = f.subject().split(":", -1);
                Body body = kb.bodies().names().find(s[0]).orElseThrow();
                Session session = kb.sessions().all().stream()
                        .filter(x -> x.body() == body && x.date().toString().equals(s[1]))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no session of " + s[0] + " on " + s[1]));
                assertThat(session.city().map(c -> c.id()).orElse("")).isEqualTo(f.expected());
                assertThat(urls(session.sources())).contains(f.source());
            }
            case "official" -> {
                String[] s = f.subject().split(":", -1);
                Role role = kb.officials().roles().names().find(s[0]).orElseThrow();
                Body body = kb.bodies().names().find(s[1]).orElseThrow();
                var holders = OfficialsQuery.onDay(
                        kb, f.day(), new OfficialsQuery.Filter(Optional.of(role), Optional.of(body), Optional.empty()));
                assertThat(holders)
                        .as("holders of %s on %s", f.subject(), f.day())
                        .isNotEmpty();
                assertThat(holders.stream().map(h -> h.term().person().name())).contains(f.expected());
                assertThat(holders.stream().flatMap(h -> urls(h.term().sources()).stream()))
                        .contains(f.source());
            }
            default -> throw new AssertionError("unknown kind of fact: " + f.kind());
        }
    }

    static List<String> urls(List<Source> sources) {
        return sources.stream().map(Source::url).toList();
    }
}
