package cis.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a fact comes from: the publisher's own page, with a short title when the KB gives one, the
 * publisher when the KB's catalogue names it, and a copy in a web archive beside the original.
 */
public record Source(String url, Optional<String> title, Optional<Publisher> publisher, Optional<String> archive) {
    public Source {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(archive, "archive");
    }

    /** A bare URL, as a fact may cite it. */
    public static Source of(String url) {
        return new Source(url, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
