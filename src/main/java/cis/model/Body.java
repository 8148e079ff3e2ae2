package cis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A CIS body: a council, the Executive Committee, the Assembly, the Court. */
public record Body(
        String id,
        String name,
        Optional<String> nameRu,
        List<String> abbreviations,
        List<String> aliases,
        String description,
        List<Source> sources) {
    public Body {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameRu, "nameRu");
        abbreviations = List.copyOf(abbreviations);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(description, "description");
        sources = List.copyOf(sources);
    }

    /** The short form people use in tables: the first Latin-letter abbreviation (CHS), else the name. */
    public String shortName() {
        return abbreviations.stream()
                .filter(a -> a.matches("[A-Za-z .]+"))
                .findFirst()
                .orElse(name);
    }

    public List<String> names() {
        List<String> all = new ArrayList<>(List.of(id, name));
        nameRu.ifPresent(all::add);
        all.addAll(abbreviations);
        all.addAll(aliases);
        return all;
    }
}
