package cis.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds entries (states, bodies, people, …) by any of their names: case- and accent-insensitive,
 * by alias or code, by unique prefix, with "did you mean" suggestions for typos.
 */
public final class Names<T> {
    /** Compiled on first use, by non-ASCII names only: ASCII is folded by hand (see {@link #normalize}). */
    private static final class Unicode {
        static final Pattern MARKS = Pattern.compile("\\p{M}+");
        static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    }

    private final Map<String, T> byKey = new LinkedHashMap<>();
    private final Function<T, String> display;

    /** A name that two different entries both claim. */
    public record Clash<T>(String name, T first, T second) {}

    private Names(Function<T, String> display) {
        this.display = display;
    }

    /**
     * Indexes every entry under each of its names. A name shared by two entries is a clash; it is
     * reported and left out of the index so that neither entry wins by accident.
     */
    public static <T> Names<T> of(
            List<T> entries, Function<T, List<String>> names, Function<T, String> display, List<Clash<T>> clashes) {
        Names<T> index = new Names<>(display);
        Set<String> clashed = new LinkedHashSet<>();
        for (T entry : entries) {
            for (String name : names.apply(entry)) {
                String key = normalize(name);
                if (key.isEmpty()) {
                    continue;
                }
                T other = index.byKey.putIfAbsent(key, entry);
                if (other != null && other != entry) {
                    clashes.add(new Clash<>(name, other, entry));
                    clashed.add(key);
                }
            }
        }
        clashed.forEach(index.byKey::remove);
        return index;
    }

    /** Folds case, accents and punctuation: "Kyrgyz Republic", "kyrgyz-republic" and "KYRGYZ  REPUBLIC" match. */
    public static String normalize(String name) {
        String ascii = normalizeAscii(name);
        if (ascii != null) {
            return ascii;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String bare = Unicode.MARKS.matcher(decomposed).replaceAll("");
        return Unicode.NOT_WORD
                .matcher(bare.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /**
     * The same folding for plain ASCII text without Unicode normalization, whose tables cost start-up
     * time; null when the text is not ASCII.
     */
    private static String normalizeAscii(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128) {
                return null;
            }
            if (Character.isLetterOrDigit(c)) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.append(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** An index from keys already normalized (by {@link #keys()} of another index, or at build time). */
    public static <T> Names<T> ofKeys(Map<String, T> keys, Function<T, String> display) {
        Names<T> index = new Names<>(display);
        index.byKey.putAll(keys);
        return index;
    }

    /** The normalized names and what each leads to, in index order. */
    public Map<String, T> keys() {
        return java.util.Collections.unmodifiableMap(byKey);
    }

    /** The outcome of looking a name up. */
    public sealed interface Lookup<T> {
        record Found<T>(T entry) implements Lookup<T> {}

        record Ambiguous<T>(List<T> candidates) implements Lookup<T> {}

        record Unknown<T>(List<T> suggestions) implements Lookup<T> {}
    }

    public Lookup<T> lookup(String query) {
        String key = normalize(query);
        if (key.isEmpty()) {
            return new Lookup.Unknown<>(List.of());
        }
        T exact = byKey.get(key);
        if (exact != null) {
            return new Lookup.Found<>(exact);
        }
        Set<T> prefixed = Identity.newSet();
        byKey.forEach((name, entry) -> {
            if (name.startsWith(key)) {
                prefixed.add(entry);
            }
        });
        if (prefixed.isEmpty()) {
            // then a later word: "muhriddin" finds "sirojiddin muhriddin", "moldova" finds "republic of moldova"
            byKey.forEach((name, entry) -> {
                for (int i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
                    if (name.startsWith(key, i + 1)) {
                        prefixed.add(entry);
                    }
                }
            });
        }
        if (prefixed.size() == 1) {
            return new Lookup.Found<>(prefixed.iterator().next());
        }
        if (prefixed.size() > 1) {
            List<T> sorted = new ArrayList<>(prefixed);
            sorted.sort(Comparator.comparing(display));
            return new Lookup.Ambiguous<>(sorted);
        }
        return new Lookup.Unknown<>(suggest(key));
    }

    public Optional<T> find(String query) {
        return lookup(query) instanceof Lookup.Found<T> found ? Optional.of(found.entry()) : Optional.empty();
    }

    /** Entries with a name within a small edit distance of the query, nearest first. */
    private List<T> suggest(String key) {
        int limit = Math.max(1, Math.min(3, key.length() / 4));
        java.util.IdentityHashMap<T, Integer> best = new java.util.IdentityHashMap<>();
        byKey.forEach((name, entry) -> {
            int d = distance(key, name, limit);
            if (name.length() > key.length() + limit) {
                // also compare with the start of long names, so "Turkmenstan SSR"-style slips still match
                d = Math.min(d, distance(key, name.substring(0, key.length()), limit) + 1);
            }
            if (d <= limit) {
                best.merge(entry, d, Math::min);
            }
        });
        List<T> out = new ArrayList<>(best.keySet());
        out.sort(Comparator.comparing((T e) -> best.get(e)).thenComparing(display));
        return out.size() > 3 ? out.subList(0, 3) : out;
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of neighbouring letters ("stauts"). */
    public static int distance(String a, String b) {
        return distance(a, b, Math.max(a.length(), b.length()));
    }

    /**
     * The same distance when it is at most {@code max}, else {@code max + 1}. Only the band of
     * cells within {@code max} of the diagonal is computed, in three rows: time and memory stay
     * small however long the strings are (a 100,000-letter name costs its length, not its square).
     */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int big = max + 1;
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, big);
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(m, i + max);
            // Cells just outside the band read as "too far"; only the band is computed (no full-row fill).
            cur[from - 1] = from == 1 ? Math.min(i, big) : big;
            int rowMin = cur[from - 1];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = Math.min(v, big);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < m) {
                cur[to + 1] = big;
            }
            if (rowMin > max) {
                return big; // every path already costs more
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], big);
    }
}
