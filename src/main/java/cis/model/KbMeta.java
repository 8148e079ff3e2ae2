package cis.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the knowledge base says about itself: its version, when its facts were last reviewed, and
 * the latest day its sources cover (a KB reviewed in December may know nothing after April).
 */
public record KbMeta(String version, LocalDate reviewed, Optional<LocalDate> sourcesUpTo) {
    public KbMeta {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reviewed, "reviewed");
        Objects.requireNonNull(sourcesUpTo, "sourcesUpTo");
    }
}
