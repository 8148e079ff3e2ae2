package cis.query;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.KnowledgeBase;
import cis.model.Person;
import cis.model.Role;
import cis.store.KbFiles;
import cis.yaml.KbLoader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Who was X on day D" against the bundled KB, on both sides of every change of office holder. */
class OfficialsQueryTest {
    static KnowledgeBase kb;
    static OfficialsQuery.Filter headOfExecutive;

    @BeforeAll
    static void load() throws Exception {
        kb = KbLoader.load(KbFiles.bundled());
        Role role = kb.officials().roles().names().find("secretary-general").orElseThrow();
        headOfExecutive = new OfficialsQuery.Filter(Optional.of(role), Optional.empty(), Optional.empty());
    }

    static List<String> holders(String day) {
        return OfficialsQuery.onDay(kb, LocalDate.parse(day), headOfExecutive).stream()
                .map(h -> h.term().person().name()
                        + (h.certain() ? "" : "?")
                        + h.term().title().map(t -> " / " + t).orElse(""))
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1998-04-28 | Ivan Korotchenya / Executive Secretary
            1998-04-29 | Boris Berezovsky / Executive Secretary
            1999-03-03 | Boris Berezovsky / Executive Secretary
            1999-03-04 | Ivan Korotchenya / Acting Executive Secretary
            1999-04-01 | Ivan Korotchenya / Acting Executive Secretary
            1999-04-02 | Yuri Yarov / Executive Secretary and Chairman of the Executive Committee
            2000-01-01 | Yuri Yarov / Executive Secretary and Chairman of the Executive Committee
            2004-03-31 | Yuri Yarov / Executive Secretary and Chairman of the Executive Committee
            2004-04-15 | Yuri Yarov? / Executive Secretary and Chairman of the Executive Committee
            2004-04-28 | Vladimir Rushailo / Chairman of the Executive Committee – Executive Secretary
            2007-10-04 | Vladimir Rushailo / Chairman of the Executive Committee – Executive Secretary
            2007-10-05 | Sergei Lebedev / Chairman of the Executive Committee – Executive Secretary
            2022-12-31 | Sergei Lebedev / Chairman of the Executive Committee – Executive Secretary
            2023-01-01 | Sergei Lebedev / General Secretary
            2025-12-31 | Sergei Lebedev / General Secretary
            2026-01-01 | Sergei Lebedev / General Secretary
            2028-12-31 | Sergei Lebedev / General Secretary
            """)
    void headOfTheExecutiveCommitteeOnEachSideOfEveryChange(String day, String expected) {
        assertThat(holders(day)).containsExactly(expected);
    }

    @Test
    void beforeTheFirstAndAfterTheLastKnownTermTheAnswerIsHonest() {
        assertThat(holders("1992-06-01")).containsExactly("Ivan Korotchenya? / Executive Secretary");
        assertThat(holders("2029-01-01")).isEmpty();
        assertThat(holders("1990-01-01")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "Sergei Lebedev",
        "Sergey Lebedev",
        "Лебедев",
        "lebedev",
        "sergei-lebedev",
        "Sergey Nikolayevich Lebedev"
    })
    void everySpellingFindsLebedev(String name) {
        assertThat(kb.officials().people().names().find(name)).map(Person::id).contains("sergei-lebedev");
    }

    @ParameterizedTest
    @CsvSource({"Sirojiddin Muhriddin", "Muhriddin", "Mukhriddin", "Sirojiddin Aslov", "Aslov", "Сироджиддин Мухриддин"
    })
    void oneManTwoNames(String name) {
        assertThat(kb.officials().people().names().find(name)).map(Person::id).contains("sirojiddin-muhriddin");
    }

    @Test
    void yuriAndYuryAreOnePerson() {
        assertThat(kb.officials().people().names().find("Yury Yarov"))
                .isEqualTo(kb.officials().people().names().find("Yuri Yarov"))
                .isPresent();
    }

    @Test
    void tajikistansForeignMinisterSince2013IsMuhriddin() {
        OfficialsQuery.Filter fm = new OfficialsQuery.Filter(
                kb.officials().roles().names().find("foreign-minister"),
                Optional.empty(),
                kb.states().names().find("Tajikistan"));
        for (String day : List.of("2014-06-01", "2018-01-01", "2022-05-13", "2026-12-01")) {
            assertThat(OfficialsQuery.onDay(kb, LocalDate.parse(day), fm))
                    .extracting(h -> h.term().person().id())
                    .as(day)
                    .containsExactly("sirojiddin-muhriddin");
        }
    }

    @Test
    void turkmenistanChairsTheCisIn2026() {
        OfficialsQuery.Filter chs = new OfficialsQuery.Filter(
                kb.officials().roles().names().find("chair"),
                kb.bodies().names().find("CHS"),
                Optional.empty());
        assertThat(OfficialsQuery.onDay(kb, LocalDate.of(2026, 6, 1), chs))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.term().state()).map(s -> s.id()).contains("turkmenistan");
                    assertThat(h.term().person().id()).isEqualTo("serdar-berdimuhamedov");
                });
    }
}
