package cis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    record Entry(String name, List<String> names) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry("Turkmenistan", List.of("Turkmenistan", "TM", "TKM", "Turkmenia", "Туркмения")),
            new Entry("Tajikistan", List.of("Tajikistan", "TJ", "TJK", "Tadzhikistan")),
            new Entry("Moldova", List.of("Moldova", "Republic of Moldova", "Moldavia", "Молдова")),
            new Entry("Kyrgyzstan", List.of("Kyrgyzstan", "Kyrgyz Republic", "Kirgizia")));

    final List<Names.Clash<Entry>> clashes = new ArrayList<>();
    final Names<Entry> names = Names.of(ENTRIES, Entry::names, Entry::name, clashes);

    @Test
    void findsByNameAliasCodeCaseAndAccentInsensitively() {
        assertThat(names.find("turkmenistan")).map(Entry::name).contains("Turkmenistan");
        assertThat(names.find("TKM")).map(Entry::name).contains("Turkmenistan");
        assertThat(names.find("туркмения")).map(Entry::name).contains("Turkmenistan");
        assertThat(names.find("republic of moldova")).map(Entry::name).contains("Moldova");
        assertThat(names.find("  Republic-of   MOLDOVA ")).map(Entry::name).contains("Moldova");
        assertThat(names.find("Kyrgyz Républic")).map(Entry::name).contains("Kyrgyzstan");
    }

    @Test
    void uniquePrefixFindsAndSharedPrefixIsAmbiguous() {
        assertThat(names.find("Turkm")).map(Entry::name).contains("Turkmenistan");
        assertThat(names.lookup("T")).isInstanceOfSatisfying(Names.Lookup.Ambiguous.class,
                a -> assertThat(a.candidates()).extracting(e -> ((Entry) e).name())
                        .containsExactly("Tajikistan", "Turkmenistan"));
    }

    @Test
    void typosGetSuggestions() {
        assertThat(names.lookup("Turkmenstan")).isInstanceOfSatisfying(Names.Lookup.Unknown.class,
                u -> assertThat(u.suggestions()).extracting(e -> ((Entry) e).name()).containsExactly("Turkmenistan"));
        assertThat(names.lookup("Moldvoa")).isInstanceOfSatisfying(Names.Lookup.Unknown.class,
                u -> assertThat(u.suggestions()).extracting(e -> ((Entry) e).name()).containsExactly("Moldova"));
        assertThat(names.lookup("Narnia")).isInstanceOfSatisfying(Names.Lookup.Unknown.class,
                u -> assertThat(u.suggestions()).isEmpty());
    }

    @Test
    void emptyQueryFindsNothing() {
        assertThat(names.lookup("  ")).isInstanceOf(Names.Lookup.Unknown.class);
        assertThat(names.lookup("!!")).isInstanceOf(Names.Lookup.Unknown.class);
    }

    @Test
    void aNameClaimedTwiceIsAClashAndResolvesToNeither() {
        List<Names.Clash<Entry>> found = new ArrayList<>();
        Names<Entry> n = Names.of(List.of(new Entry("A", List.of("A", "Shared")), new Entry("B", List.of("B", "shared"))),
                Entry::names, Entry::name, found);
        assertThat(found).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("shared"));
        assertThat(n.find("Shared")).isEmpty();
        assertThat(clashes).isEmpty();
    }

    @Test
    void asciiFastPathFoldsLikeTheUnicodePath() {
        for (String s : new String[] {"  Republic-of   MOLDOVA ", "Kyrgyz Republic", "St. Petersburg", "--x--", "", "A1 b2",
                "O'Brien", "tab\there"}) {
            String viaUnicode = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+").matcher(
                    java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).toLowerCase(java.util.Locale.ROOT))
                    .replaceAll(" ").strip();
            assertThat(Names.normalize(s)).as(s).isEqualTo(viaUnicode);
        }
        assertThat(Names.normalize("Chișinău")).isEqualTo("chisinau");
        assertThat(Names.normalize("Туркмения")).isEqualTo("туркмения");
    }

    @Test
    void distanceCountsTranspositionsAsOne() {
        assertThat(Names.distance("stauts", "status")).isEqualTo(1);
        assertThat(Names.distance("stauts", "states")).isEqualTo(2);
        assertThat(Names.distance("", "abc")).isEqualTo(3);
    }
}
