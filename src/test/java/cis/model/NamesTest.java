package cis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked") // AssertJ's isInstanceOfSatisfying hands back the raw Lookup types
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
        assertThat(names.lookup("T"))
                .isInstanceOfSatisfying(
                        Names.Lookup.Ambiguous.class,
                        a -> assertThat(a.candidates())
                                .extracting(e -> ((Entry) e).name())
                                .containsExactly("Tajikistan", "Turkmenistan"));
    }

    @Test
    void typosGetSuggestions() {
        assertThat(names.lookup("Turkmenstan"))
                .isInstanceOfSatisfying(
                        Names.Lookup.Unknown.class,
                        u -> assertThat(u.suggestions())
                                .extracting(e -> ((Entry) e).name())
                                .containsExactly("Turkmenistan"));
        assertThat(names.lookup("Moldvoa"))
                .isInstanceOfSatisfying(
                        Names.Lookup.Unknown.class,
                        u -> assertThat(u.suggestions())
                                .extracting(e -> ((Entry) e).name())
                                .containsExactly("Moldova"));
        assertThat(names.lookup("Narnia"))
                .isInstanceOfSatisfying(
                        Names.Lookup.Unknown.class,
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
        Names<Entry> n = Names.of(
                List.of(new Entry("A", List.of("A", "Shared")), new Entry("B", List.of("B", "shared"))),
                Entry::names,
                Entry::name,
                found);
        assertThat(found).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("shared"));
        assertThat(n.find("Shared")).isEmpty();
        assertThat(clashes).isEmpty();
    }

    @Test
    void asciiFastPathFoldsLikeTheUnicodePath() {
        for (String s : new String[] {
            "  Republic-of   MOLDOVA ",
            "Kyrgyz Republic",
            "St. Petersburg",
            "--x--",
            "",
            "A1 b2",
            "O'Brien",
            "tab\there"
        }) {
            String viaUnicode = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+")
                    .matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD)
                            .toLowerCase(java.util.Locale.ROOT))
                    .replaceAll(" ")
                    .strip();
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

    /** The textbook full-matrix optimal string alignment distance, to check the banded one against. */
    static int fullDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void theBandedDistanceIsTheFullOneUpToItsBound() {
        java.util.Random random = new java.util.Random(20261203L);
        for (int round = 0; round < 20_000; round++) {
            String a = randomWord(random);
            String b = random.nextInt(3) == 0 ? a : mutate(a, random);
            int max = random.nextInt(5);
            int full = fullDistance(a, b);
            assertThat(Names.distance(a, b, max))
                    .as("%s ~ %s within %d", a, b, max)
                    .isEqualTo(Math.min(full, max + 1));
            assertThat(Names.distance(a, b)).isEqualTo(full);
        }
    }

    @Test
    void aHugeNameCostsItsLengthNotItsSquare() {
        String huge = "x".repeat(200_000);
        assertThat(Names.distance(huge, huge + "y", 3)).isEqualTo(1);
        assertThat(Names.distance(huge, "y" + huge.substring(1), 3)).isEqualTo(1);
        assertThat(Names.distance(huge, "z".repeat(200_000), 3)).isEqualTo(4);
    }

    private static String randomWord(java.util.Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(9); n > 0; n--) {
            b.append((char) ('a' + random.nextInt(4)));
        }
        return b.toString();
    }

    private static String mutate(String s, java.util.Random random) {
        StringBuilder b = new StringBuilder(s);
        for (int n = random.nextInt(4); n > 0; n--) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.insert(at, (char) ('a' + random.nextInt(4)));
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, (char) ('a' + random.nextInt(4)));
                    }
                }
                default -> {
                    if (at + 1 < b.length()) {
                        char c = b.charAt(at);
                        b.setCharAt(at, b.charAt(at + 1));
                        b.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return b.toString();
    }
}
