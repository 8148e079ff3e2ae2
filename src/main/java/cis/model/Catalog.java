package cis.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Entries of one kind, in KB order, and the index that finds them by any of their names. */
public record Catalog<T>(List<T> all, Names<T> names) {
    public Catalog {
        all = List.copyOf(all);
        Objects.requireNonNull(names, "names");
    }

    public static <T> Catalog<T> of(List<T> entries, Function<T, List<String>> names, Function<T, String> display) {
        return new Catalog<>(entries, Names.of(entries, names, display, new java.util.ArrayList<>()));
    }

    public static <T> Catalog<T> empty() {
        return of(List.of(), e -> List.of(), e -> "");
    }
}
