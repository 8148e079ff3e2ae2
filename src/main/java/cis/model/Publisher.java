package cis.model;

import java.util.Objects;

/** Who published a source: the KB's catalogue names every publisher it cites, and what kind it is. */
public record Publisher(String name, Kind kind) {
    public enum Kind {
        OFFICIAL("official"),
        NEWS_AGENCY("news-agency"),
        NEWSPAPER("newspaper"),
        BROADCASTER("broadcaster"),
        ENCYCLOPEDIA("encyclopedia"),
        RESEARCH("research"),
        LEGAL_DATABASE("legal-database"),
        ARCHIVE("archive");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Publisher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
