package cis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A person who held a CIS office; every spelling and former name finds the same record. */
public record Person(
        String id,
        String name,
        Optional<String> fullName,
        Optional<String> nameRu,
        List<String> aliases,
        List<FormerName> formerNames,
        Optional<PartialDate> born,
        Optional<String> birthplace,
        Optional<PartialDate> died,
        List<Source> sources) {

    /** A name the person used until a date (Aslov, before he became Muhriddin). */
    public record FormerName(String name, Optional<PartialDate> until, List<Source> sources) {
        public FormerName {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(until, "until");
            sources = List.copyOf(sources);
        }
    }

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(nameRu, "nameRu");
        aliases = List.copyOf(aliases);
        formerNames = List.copyOf(formerNames);
        Objects.requireNonNull(born, "born");
        Objects.requireNonNull(birthplace, "birthplace");
        Objects.requireNonNull(died, "died");
        sources = List.copyOf(sources);
    }

    public List<String> names() {
        List<String> all = new ArrayList<>(List.of(id, name));
        fullName.ifPresent(all::add);
        nameRu.ifPresent(all::add);
        all.addAll(aliases);
        formerNames.forEach(f -> all.add(f.name()));
        return all;
    }
}
