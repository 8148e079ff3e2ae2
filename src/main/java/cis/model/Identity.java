package cis.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Lookups by identity for the KB's records, which are shared and never copied. Records' own
 * equals and hashCode compare every field, deep, through a bootstrap that costs start-up time.
 */
public final class Identity {
    private Identity() {}

    /** The position of this very object in the list, or -1. */
    public static <T> int indexOf(List<T> list, T item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == item) {
                return i;
            }
        }
        return -1;
    }

    public static <T> Set<T> newSet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
