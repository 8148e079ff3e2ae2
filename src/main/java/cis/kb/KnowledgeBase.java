package cis.kb;

import java.util.List;
import java.util.Objects;

/** The loaded, validated knowledge base: immutable, and shared by every query. */
public record KnowledgeBase(KbMeta meta, List<State> states, Names<State> stateNames) {
    public KnowledgeBase {
        Objects.requireNonNull(meta, "meta");
        states = List.copyOf(states);
        Objects.requireNonNull(stateNames, "stateNames");
    }
}
