package cis.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The loaded, validated knowledge base: immutable and shared by every query. Only the parts in
 * {@code parts} were read; the others are empty.
 */
public record KnowledgeBase(
        KbMeta meta,
        Set<KbPart> parts,
        Catalog<State> states,
        Catalog<Body> bodies,
        Officials officials,
        Sessions sessions) {

    /** Offices, the people who held them, and their terms. */
    public record Officials(Catalog<Role> roles, Catalog<Person> people, List<Term> terms) {
        public Officials {
            Objects.requireNonNull(roles, "roles");
            Objects.requireNonNull(people, "people");
            terms = List.copyOf(terms);
        }

        public static Officials empty() {
            return new Officials(Catalog.empty(), Catalog.empty(), List.of());
        }
    }

    /** Council sessions and the cities they met in. */
    public record Sessions(Catalog<City> cities, List<Session> all) {
        public Sessions {
            Objects.requireNonNull(cities, "cities");
            all = List.copyOf(all);
        }

        public static Sessions empty() {
            return new Sessions(Catalog.empty(), List.of());
        }
    }

    public KnowledgeBase {
        Objects.requireNonNull(meta, "meta");
        parts = Set.copyOf(parts);
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(bodies, "bodies");
        Objects.requireNonNull(officials, "officials");
        Objects.requireNonNull(sessions, "sessions");
    }
}
