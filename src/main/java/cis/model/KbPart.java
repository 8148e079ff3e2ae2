package cis.model;

import java.util.EnumSet;
import java.util.Set;

/** The KB's data files; a command loads only the ones it needs (and what they refer to). */
public enum KbPart {
    STATES("states.yaml"),
    BODIES("bodies.yaml"),
    OFFICIALS("officials.yaml"),
    SESSIONS("sessions.yaml");

    /** The file every part needs: the KB's version, review date and source catalogue. */
    public static final String META_FILE = "kb.yaml";

    /** The file every part needs: the KB's version, review date and source catalogue. */
    private final String file;

    KbPart(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The parts plus everything they refer to: officials and sessions name states and bodies. */
    public static Set<KbPart> withDependencies(Set<KbPart> parts) {
        EnumSet<KbPart> all = parts.isEmpty() ? EnumSet.noneOf(KbPart.class) : EnumSet.copyOf(parts);
        if (all.contains(OFFICIALS) || all.contains(SESSIONS)) {
            all.add(STATES);
            all.add(BODIES);
        }
        return all;
    }
}
