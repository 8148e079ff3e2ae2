package cis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A city where a council met, with its historic and Russian names (Alma-Ata, Nur-Sultan). */
public record City(String id, String name, List<String> aliases, State state) {
    public City {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(state, "state");
    }

    public List<String> names() {
        List<String> all = new ArrayList<>(List.of(id, name));
        all.addAll(aliases);
        return all;
    }
}
