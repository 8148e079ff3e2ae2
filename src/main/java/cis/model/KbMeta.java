package cis.model;

import java.time.LocalDate;
import java.util.Objects;

/** What the knowledge base says about itself: its version and when its facts were last reviewed. */
public record KbMeta(String version, LocalDate reviewed) {
    public KbMeta {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reviewed, "reviewed");
    }
}
