package cis.model;

import java.util.Objects;

/** Where a fact comes from: a URL, with a short title when the KB names one. */
public record Source(String url, String title) {
    public Source {
        Objects.requireNonNull(url, "url");
    }
}
