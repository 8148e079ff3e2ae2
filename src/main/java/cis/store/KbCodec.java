package cis.store;

import cis.model.Body;
import cis.model.Catalog;
import cis.model.City;
import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Names;
import cis.model.Person;
import cis.model.Role;
import cis.model.Source;
import cis.model.State;
import cis.store.Bytes.Corrupt;
import cis.store.Bytes.In;
import cis.store.Bytes.Out;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The KB's binary form, which loads without the YAML parser: on a short-lived CLI, parsing YAML
 * costs more than the answer. This class holds the structure: sections (metadata, the table of
 * sources, states, bodies, officials, sessions) that carry their lengths so a reader skips what a
 * command does not need, the tables records refer to each other by, and the catalogues' name
 * indexes. How each record is written and read is generated from the records themselves
 * ({@link RecordCodec}, by {@code src/build/java/GenerateRecordCodec.java}): a field added to a
 * record needs no edit here, and {@link BuildStep} fingerprints the records and both classes so an
 * old layout is never decoded by new code. Decoding is strict: any inconsistency is {@link Corrupt},
 * never a partial or made-up KB.
 */
final class KbCodec {
    private static final int MAGIC = 0x43495333; // "CIS3"

    // Tables that records refer to by index. Writing fills the maps, reading the lists.
    private final Map<Source, Integer> sourceIds = new HashMap<>();
    private final List<Source> sourcesWritten = new ArrayList<>();
    private final IdentityHashMap<Object, Integer> recordIds = new IdentityHashMap<>();
    List<Source> sources = List.of();
    List<State> states = List.of();
    List<Body> bodies = List.of();
    List<Role> roles = List.of();
    List<Person> people = List.of();
    List<City> cities = List.of();

    private KbCodec() {}

    // ---- the whole KB ----

    static byte[] encode(KnowledgeBase kb) {
        KbCodec c = new KbCodec();
        Out meta = new Out();
        RecordCodec.writeKbMeta(c, meta, kb.meta());
        Out states = new Out();
        c.catalog(states, kb.states(), RecordCodec::writeState);
        Out bodies = new Out();
        if (kb.parts().contains(KbPart.BODIES)) {
            c.catalog(bodies, kb.bodies(), RecordCodec::writeBody);
        }
        Out officials = new Out();
        if (kb.parts().contains(KbPart.OFFICIALS)) {
            c.catalog(officials, kb.officials().roles(), RecordCodec::writeRole);
            c.catalog(officials, kb.officials().people(), RecordCodec::writePerson);
            list(officials, kb.officials().terms(), (o, t) -> RecordCodec.writeTerm(c, o, t));
        }
        Out sessions = new Out();
        if (kb.parts().contains(KbPart.SESSIONS)) {
            c.catalog(sessions, kb.sessions().cities(), RecordCodec::writeCity);
            list(sessions, kb.sessions().all(), (o, s) -> RecordCodec.writeSession(c, o, s));
        }
        // The source table is complete only now, but readers need it first: it goes second.
        Out table = new Out();
        list(table, c.sourcesWritten, (o, s) -> RecordCodec.writeSource(c, o, s));
        Out all = new Out();
        all.i32(MAGIC);
        all.i32(mask(kb.parts()));
        for (Out section : List.of(meta, table, states, bodies, officials, sessions)) {
            all.i32(section.size());
            byte[] bytes = section.toByteArray();
            all.bytes(bytes, 0, bytes.length);
        }
        return all.toByteArray();
    }

    /**
     * The wanted parts (with what they refer to) of an encoded KB; the other sections are skipped
     * unread. {@link Corrupt} when the data is damaged or lacks a wanted part.
     */
    static KnowledgeBase decode(byte[] data, int off, int len, Set<KbPart> wanted) throws Corrupt {
        try {
            return decode(new In(data, off, len), wanted);
        } catch (RuntimeException e) { // a record refused what it was given: the data is not what was written
            throw new Corrupt("inconsistent data: " + e);
        }
    }

    private static KnowledgeBase decode(In in, Set<KbPart> wanted) throws Corrupt {
        if (in.i32() != MAGIC) {
            throw new Corrupt("not a knowledge base in cis's binary form");
        }
        Set<KbPart> present = parts(in.i32());
        Set<KbPart> parts = KbPart.withDependencies(wanted);
        parts.add(KbPart.STATES);
        if (!present.containsAll(parts)) {
            throw new Corrupt("holds " + present + ", not " + parts);
        }
        KbCodec c = new KbCodec();
        In meta = in.block();
        KbMeta kbMeta = RecordCodec.readKbMeta(c, meta);
        meta.expectEnd();
        In table = in.block();
        c.sources = list(table, i -> RecordCodec.readSource(c, i));
        table.expectEnd();
        In statesIn = in.block();
        c.states = list(statesIn, i -> RecordCodec.readState(c, i));
        Catalog<State> states = catalog(statesIn, c.states, State::name);
        statesIn.expectEnd();
        Catalog<Body> bodies = Catalog.empty();
        KnowledgeBase.Officials officials = KnowledgeBase.Officials.empty();
        KnowledgeBase.Sessions sessions = KnowledgeBase.Sessions.empty();
        In bodiesIn = in.block();
        if (parts.contains(KbPart.BODIES)) {
            c.bodies = list(bodiesIn, i -> RecordCodec.readBody(c, i));
            bodies = catalog(bodiesIn, c.bodies, Body::name);
            bodiesIn.expectEnd();
        }
        In officialsIn = in.block();
        if (parts.contains(KbPart.OFFICIALS)) {
            c.roles = list(officialsIn, i -> RecordCodec.readRole(c, i));
            Catalog<Role> roles = catalog(officialsIn, c.roles, Role::id);
            c.people = list(officialsIn, i -> RecordCodec.readPerson(c, i));
            Catalog<Person> people = catalog(officialsIn, c.people, Person::name);
            officials = new KnowledgeBase.Officials(roles, people, list(officialsIn, i -> RecordCodec.readTerm(c, i)));
            officialsIn.expectEnd();
        }
        In sessionsIn = in.block();
        if (parts.contains(KbPart.SESSIONS)) {
            c.cities = list(sessionsIn, i -> RecordCodec.readCity(c, i));
            Catalog<City> cities = catalog(sessionsIn, c.cities, City::name);
            sessions = new KnowledgeBase.Sessions(cities, list(sessionsIn, i -> RecordCodec.readSession(c, i)));
            sessionsIn.expectEnd();
        }
        in.expectEnd();
        return new KnowledgeBase(kbMeta, parts, states, bodies, officials, sessions);
    }

    private static int mask(Set<KbPart> parts) {
        int m = 0;
        for (KbPart p : parts) {
            m |= 1 << p.ordinal();
        }
        return m;
    }

    private static Set<KbPart> parts(int mask) throws Corrupt {
        if ((mask & ~((1 << KbPart.values().length) - 1)) != 0) {
            throw new Corrupt("unknown parts " + Integer.toBinaryString(mask));
        }
        Set<KbPart> parts = EnumSet.noneOf(KbPart.class);
        for (KbPart p : KbPart.values()) {
            if ((mask & (1 << p.ordinal())) != 0) {
                parts.add(p);
            }
        }
        return parts;
    }

    // ---- the catalogues: entries in full, then their name index ----

    /** How a generated writer of a catalogue's entries is called. */
    @FunctionalInterface
    private interface EntryWriter<T> {
        void write(KbCodec c, Out o, T value);
    }

    /** An entry list, then its name index, already normalized, so that reading it needs no Unicode tables. */
    private <T> void catalog(Out o, Catalog<T> catalog, EntryWriter<T> entry) {
        List<T> all = catalog.all();
        list(o, all, (out, t) -> entry.write(this, out, t));
        for (int k = 0; k < all.size(); k++) {
            recordIds.put(all.get(k), k);
        }
        Map<String, T> keys = catalog.names().keys();
        o.i32(keys.size());
        for (Map.Entry<String, T> e : keys.entrySet()) {
            o.str(e.getKey());
            ref(o, e.getValue());
        }
    }

    private static <T> Catalog<T> catalog(In i, List<T> entries, Function<T, String> display) throws Corrupt {
        Map<String, T> keys = new LinkedHashMap<>();
        for (int n = i.count(); n > 0; n--) {
            keys.put(i.str(), ref(i, entries));
        }
        return new Catalog<>(entries, Names.ofKeys(keys, display));
    }

    // ---- sources: a table of the distinct ones, referred to by index ----

    void sourceRef(Out o, Source s) {
        Integer id = sourceIds.get(s);
        if (id == null) {
            id = sourcesWritten.size();
            sourceIds.put(s, id);
            sourcesWritten.add(s);
        }
        o.i32(id);
    }

    Source sourceRef(In i) throws Corrupt {
        return sources.get(i.index(sources.size(), false));
    }

    // ---- shapes the generated record codec is built from ----

    @FunctionalInterface
    interface Writer<T> {
        void write(Out o, T value);
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(In i) throws Corrupt;
    }

    static <T> void list(Out o, List<T> list, Writer<T> each) {
        o.i32(list.size());
        for (T t : list) {
            each.write(o, t);
        }
    }

    static <T> List<T> list(In i, Reader<T> each) throws Corrupt {
        int n = i.count();
        List<T> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(each.read(i));
        }
        return out;
    }

    static <T> void optional(Out o, Optional<T> value, Writer<T> write) {
        o.bool(value.isPresent());
        value.ifPresent(v -> write.write(o, v));
    }

    static <T> Optional<T> optional(In i, Reader<T> read) throws Corrupt {
        return i.bool() ? Optional.of(read.read(i)) : Optional.empty();
    }

    static <E extends Enum<E>> E constant(In i, E[] values) throws Corrupt {
        int k = i.u8();
        if (k >= values.length) {
            throw new Corrupt("no constant " + k + " among " + values.length);
        }
        return values[k];
    }

    static void date(Out o, LocalDate d) {
        o.i64(d.toEpochDay());
    }

    /** Days are kept to four-digit years, as the loader keeps them. */
    static LocalDate date(In i) throws Corrupt {
        long day = i.i64();
        if (day < LocalDate.of(1000, 1, 1).toEpochDay()
                || day > LocalDate.of(9999, 12, 31).toEpochDay()) {
            throw new Corrupt("day " + day + " out of range");
        }
        return LocalDate.ofEpochDay(day);
    }

    /** A record shared by reference (a state, a body, a person) is written as its index in its table. */
    void ref(Out o, Object record) {
        Integer id = recordIds.get(record);
        if (id == null) {
            throw new IllegalStateException("not in a table: " + record);
        }
        o.i32(id);
    }

    static <T> T ref(In i, List<T> table) throws Corrupt {
        return table.get(i.index(table.size(), false));
    }
}
