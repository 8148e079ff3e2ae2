package cis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state as the KB knows it: names and codes for finding it, dated status periods (sorted,
 * contiguous), conditions riding alongside them, and a timeline of events.
 */
public record State(
        String id,
        String name,
        String officialName,
        String iso2,
        String iso3,
        String capital,
        List<String> aliases,
        List<StatusPeriod> periods,
        List<Condition> conditions,
        List<Event> events,
        List<Source> sources) {

    public State {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        periods = List.copyOf(periods);
        conditions = List.copyOf(conditions);
        events = List.copyOf(events);
        sources = List.copyOf(sources);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException(name + " has no status periods");
        }
    }

    /** Every name the state answers to, primary name first. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.add(officialName);
        all.add(iso2);
        all.add(iso3);
        all.add(id);
        all.addAll(aliases);
        return all;
    }
}
