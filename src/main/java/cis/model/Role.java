package cis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An office as the CLI asks about it. {@code perState} offices (ministers) have one holder per
 * state; the others one holder per body at a time.
 */
public record Role(String id, String name, List<String> aliases, boolean perState, String description) {
    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(description, "description");
    }

    public List<String> names() {
        List<String> all = new ArrayList<>(List.of(id, name));
        all.addAll(aliases);
        return all;
    }
}
