package cis.store;

import cis.model.Body;
import cis.model.Catalog;
import cis.model.City;
import cis.model.Condition;
import cis.model.Event;
import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Names;
import cis.model.PartialDate;
import cis.model.Person;
import cis.model.Role;
import cis.model.Session;
import cis.model.Source;
import cis.model.State;
import cis.model.Status;
import cis.model.StatusPeriod;
import cis.model.Term;
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
 * costs more than the answer. Each record's encoding sits next to its decoding, so a new field is
 * added in one place here; {@link FormatId} fingerprints the records and this class at build time,
 * so an old layout is never decoded by new code. Sections (metadata and sources, states, bodies,
 * officials, sessions) carry their lengths: a reader skips the parts a command does not need.
 * Decoding is strict: any inconsistency is {@link Corrupt}, never a partial or made-up KB.
 */
@SuppressWarnings("EnumOrdinal") // constants are written by position; the format fingerprint covers their order
final class KbCodec {
    private static final int MAGIC = 0x43495332; // "CIS2"
    private static final KbPart[] SECTIONS = {KbPart.STATES, KbPart.BODIES, KbPart.OFFICIALS, KbPart.SESSIONS};

    // Tables that later records refer to by index. Writing fills the maps, reading the lists.
    private final Map<Source, Integer> sourceIds = new HashMap<>();
    private final IdentityHashMap<Object, Integer> recordIds = new IdentityHashMap<>();
    private List<Source> sources = List.of();
    private List<State> states = List.of();
    private List<Body> bodies = List.of();
    private List<Role> roles = List.of();
    private List<Person> people = List.of();
    private List<City> cities = List.of();

    private KbCodec() {}

    // ---- the whole KB ----

    static byte[] encode(KnowledgeBase kb) {
        Out o = new Out();
        o.i32(MAGIC);
        o.i32(mask(kb.parts()));
        KbCodec c = new KbCodec();
        c.section(o, () -> c.writeMeta(o, kb));
        c.section(o, () -> c.writeStates(o, kb.states()));
        c.section(o, () -> {
            if (kb.parts().contains(KbPart.BODIES)) {
                c.writeBodies(o, kb.bodies());
            }
        });
        c.section(o, () -> {
            if (kb.parts().contains(KbPart.OFFICIALS)) {
                c.writeOfficials(o, kb.officials());
            }
        });
        c.section(o, () -> {
            if (kb.parts().contains(KbPart.SESSIONS)) {
                c.writeSessions(o, kb.sessions());
            }
        });
        return o.toByteArray();
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
        KbMeta kbMeta = c.readMeta(meta);
        meta.expectEnd();
        In statesIn = in.block();
        Catalog<State> stateCatalog = c.readStates(statesIn);
        statesIn.expectEnd();
        Catalog<Body> bodyCatalog = Catalog.empty();
        KnowledgeBase.Officials officials = KnowledgeBase.Officials.empty();
        KnowledgeBase.Sessions sessions = KnowledgeBase.Sessions.empty();
        In bodiesIn = in.block();
        if (parts.contains(KbPart.BODIES)) {
            bodyCatalog = c.readBodies(bodiesIn);
            bodiesIn.expectEnd();
        }
        In officialsIn = in.block();
        if (parts.contains(KbPart.OFFICIALS)) {
            officials = c.readOfficials(officialsIn);
            officialsIn.expectEnd();
        }
        In sessionsIn = in.block();
        if (parts.contains(KbPart.SESSIONS)) {
            sessions = c.readSessions(sessionsIn);
            sessionsIn.expectEnd();
        }
        in.expectEnd();
        return new KnowledgeBase(kbMeta, parts, stateCatalog, bodyCatalog, officials, sessions);
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
        for (KbPart p : SECTIONS) {
            if ((mask & (1 << p.ordinal())) != 0) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** Writes a section with its length first, so that a reader can skip it. */
    private void section(Out o, Runnable body) {
        int at = o.size();
        o.i32(0);
        body.run();
        o.i32At(at, o.size() - at - 4);
    }

    // ---- metadata and the table of sources every record refers to ----

    private void writeMeta(Out o, KnowledgeBase kb) {
        o.str(kb.meta().version());
        date(o, kb.meta().reviewed());
        List<Source> all = new ArrayList<>();
        for (State s : kb.states().all()) {
            all.addAll(s.sources());
            s.periods().forEach(p -> all.addAll(p.sources()));
            s.conditions().forEach(c -> all.addAll(c.sources()));
            s.events().forEach(e -> all.addAll(e.sources()));
        }
        kb.bodies().all().forEach(b -> all.addAll(b.sources()));
        for (Person p : kb.officials().people().all()) {
            all.addAll(p.sources());
            p.formerNames().forEach(f -> all.addAll(f.sources()));
        }
        kb.officials().terms().forEach(t -> all.addAll(t.sources()));
        kb.sessions().all().forEach(s -> all.addAll(s.sources()));
        List<Source> unique = new ArrayList<>();
        for (Source s : all) {
            if (sourceIds.putIfAbsent(s, unique.size()) == null) {
                unique.add(s);
            }
        }
        list(o, unique, this::writeSource);
    }

    private KbMeta readMeta(In i) throws Corrupt {
        KbMeta meta = new KbMeta(i.str(), date(i));
        sources = list(i, this::readSource);
        return meta;
    }

    private void writeSource(Out o, Source s) {
        o.str(s.url());
        optional(o, Optional.ofNullable(s.title()), Out::str);
    }

    private Source readSource(In i) throws Corrupt {
        return new Source(i.str(), optional(i, In::str).orElse(null));
    }

    private void writeSourceRefs(Out o, List<Source> list) {
        list(o, list, (out, s) -> out.i32(sourceIds.get(s)));
    }

    private List<Source> readSourceRefs(In i) throws Corrupt {
        return list(i, in -> sources.get(in.index(sources.size(), false)));
    }

    // ---- states ----

    private void writeStates(Out o, Catalog<State> catalog) {
        list(o, catalog.all(), this::writeState);
        names(o, catalog);
    }

    private Catalog<State> readStates(In i) throws Corrupt {
        states = list(i, this::readState);
        return catalog(i, states, State::name);
    }

    private void writeState(Out o, State s) {
        o.str(s.id());
        o.str(s.name());
        o.str(s.officialName());
        o.str(s.iso2());
        o.str(s.iso3());
        o.str(s.capital());
        strings(o, s.aliases());
        list(o, s.periods(), this::writePeriod);
        list(o, s.conditions(), this::writeCondition);
        list(o, s.events(), this::writeEvent);
        writeSourceRefs(o, s.sources());
    }

    private State readState(In i) throws Corrupt {
        return new State(
                i.str(),
                i.str(),
                i.str(),
                i.str(),
                i.str(),
                i.str(),
                strings(i),
                list(i, this::readPeriod),
                list(i, this::readCondition),
                list(i, this::readEvent),
                readSourceRefs(i));
    }

    private void writePeriod(Out o, StatusPeriod p) {
        o.u8(p.status().ordinal());
        date(o, p.from());
        optional(o, p.to(), KbCodec::date);
        optional(o, p.note(), Out::str);
        o.bool(p.uncertain());
        writeSourceRefs(o, p.sources());
    }

    private StatusPeriod readPeriod(In i) throws Corrupt {
        return new StatusPeriod(
                constant(i, Status.values()),
                date(i),
                optional(i, KbCodec::date),
                optional(i, In::str),
                i.bool(),
                readSourceRefs(i));
    }

    private void writeCondition(Out o, Condition c) {
        o.u8(c.kind().ordinal());
        partial(o, c.from());
        optional(o, c.to(), KbCodec::partial);
        o.str(c.text());
        writeSourceRefs(o, c.sources());
    }

    private Condition readCondition(In i) throws Corrupt {
        return new Condition(
                constant(i, Condition.Kind.values()),
                partial(i),
                optional(i, KbCodec::partial),
                i.str(),
                readSourceRefs(i));
    }

    private void writeEvent(Out o, Event e) {
        partial(o, e.date());
        o.u8(e.kind().ordinal());
        o.str(e.text());
        optional(o, e.note(), Out::str);
        o.bool(e.uncertain());
        writeSourceRefs(o, e.sources());
    }

    private Event readEvent(In i) throws Corrupt {
        return new Event(
                partial(i),
                constant(i, Event.Kind.values()),
                i.str(),
                optional(i, In::str),
                i.bool(),
                readSourceRefs(i));
    }

    // ---- bodies ----

    private void writeBodies(Out o, Catalog<Body> catalog) {
        list(o, catalog.all(), this::writeBody);
        names(o, catalog);
    }

    private Catalog<Body> readBodies(In i) throws Corrupt {
        bodies = list(i, this::readBody);
        return catalog(i, bodies, Body::name);
    }

    private void writeBody(Out o, Body b) {
        o.str(b.id());
        o.str(b.name());
        optional(o, b.nameRu(), Out::str);
        strings(o, b.abbreviations());
        strings(o, b.aliases());
        o.str(b.description());
        writeSourceRefs(o, b.sources());
    }

    private Body readBody(In i) throws Corrupt {
        return new Body(i.str(), i.str(), optional(i, In::str), strings(i), strings(i), i.str(), readSourceRefs(i));
    }

    // ---- officials: roles, people, terms ----

    private void writeOfficials(Out o, KnowledgeBase.Officials officials) {
        list(o, officials.roles().all(), this::writeRole);
        names(o, officials.roles());
        list(o, officials.people().all(), this::writePerson);
        names(o, officials.people());
        list(o, officials.terms(), this::writeTerm);
    }

    private KnowledgeBase.Officials readOfficials(In i) throws Corrupt {
        roles = list(i, this::readRole);
        Catalog<Role> roleCatalog = catalog(i, roles, Role::id);
        people = list(i, this::readPerson);
        Catalog<Person> personCatalog = catalog(i, people, Person::name);
        return new KnowledgeBase.Officials(roleCatalog, personCatalog, list(i, this::readTerm));
    }

    private void writeRole(Out o, Role r) {
        o.str(r.id());
        o.str(r.name());
        strings(o, r.aliases());
        o.bool(r.perState());
        o.str(r.description());
    }

    private Role readRole(In i) throws Corrupt {
        return new Role(i.str(), i.str(), strings(i), i.bool(), i.str());
    }

    private void writePerson(Out o, Person p) {
        o.str(p.id());
        o.str(p.name());
        optional(o, p.fullName(), Out::str);
        optional(o, p.nameRu(), Out::str);
        strings(o, p.aliases());
        list(o, p.formerNames(), this::writeFormerName);
        optional(o, p.born(), KbCodec::partial);
        optional(o, p.birthplace(), Out::str);
        optional(o, p.died(), KbCodec::partial);
        writeSourceRefs(o, p.sources());
    }

    private Person readPerson(In i) throws Corrupt {
        return new Person(
                i.str(),
                i.str(),
                optional(i, In::str),
                optional(i, In::str),
                strings(i),
                list(i, this::readFormerName),
                optional(i, KbCodec::partial),
                optional(i, In::str),
                optional(i, KbCodec::partial),
                readSourceRefs(i));
    }

    private void writeFormerName(Out o, Person.FormerName f) {
        o.str(f.name());
        optional(o, f.until(), KbCodec::partial);
        writeSourceRefs(o, f.sources());
    }

    private Person.FormerName readFormerName(In i) throws Corrupt {
        return new Person.FormerName(i.str(), optional(i, KbCodec::partial), readSourceRefs(i));
    }

    private void writeTerm(Out o, Term t) {
        ref(o, t.person());
        ref(o, t.role());
        ref(o, t.body());
        optionalRef(o, t.state());
        optional(o, t.title(), Out::str);
        partial(o, t.from());
        optional(o, t.to(), KbCodec::partial);
        list(o, t.coChairs(), this::ref);
        optional(o, t.note(), Out::str);
        o.bool(t.uncertain());
        writeSourceRefs(o, t.sources());
    }

    private Term readTerm(In i) throws Corrupt {
        return new Term(
                ref(i, people),
                ref(i, roles),
                ref(i, bodies),
                optionalRef(i, states),
                optional(i, In::str),
                partial(i),
                optional(i, KbCodec::partial),
                list(i, in -> ref(in, states)),
                optional(i, In::str),
                i.bool(),
                readSourceRefs(i));
    }

    // ---- sessions and the cities they met in ----

    private void writeSessions(Out o, KnowledgeBase.Sessions sessions) {
        list(o, sessions.cities().all(), this::writeCity);
        names(o, sessions.cities());
        list(o, sessions.all(), this::writeSession);
    }

    private KnowledgeBase.Sessions readSessions(In i) throws Corrupt {
        cities = list(i, this::readCity);
        Catalog<City> cityCatalog = catalog(i, cities, City::name);
        return new KnowledgeBase.Sessions(cityCatalog, list(i, this::readSession));
    }

    private void writeCity(Out o, City c) {
        o.str(c.id());
        o.str(c.name());
        strings(o, c.aliases());
        ref(o, c.state());
    }

    private City readCity(In i) throws Corrupt {
        return new City(i.str(), i.str(), strings(i), ref(i, states));
    }

    private void writeSession(Out o, Session s) {
        o.str(s.id());
        ref(o, s.body());
        partial(o, s.date());
        optional(o, s.end(), KbCodec::date);
        optionalRef(o, s.city());
        optionalRef(o, s.country());
        o.u8(s.kind().ordinal());
        o.u8(s.status().ordinal());
        optional(o, s.movedTo(), KbCodec::partial);
        optionalRef(o, s.chair());
        list(o, s.participants(), this::ref);
        optional(o, s.title(), Out::str);
        optional(o, s.note(), Out::str);
        o.bool(s.uncertain());
        writeSourceRefs(o, s.sources());
    }

    private Session readSession(In i) throws Corrupt {
        return new Session(
                i.str(),
                ref(i, bodies),
                partial(i),
                optional(i, KbCodec::date),
                optionalRef(i, cities),
                optionalRef(i, states),
                constant(i, Session.Kind.values()),
                constant(i, Session.Status.values()),
                optional(i, KbCodec::partial),
                optionalRef(i, states),
                list(i, in -> ref(in, states)),
                optional(i, In::str),
                optional(i, In::str),
                i.bool(),
                readSourceRefs(i));
    }

    // ---- shapes shared by the records above ----

    @FunctionalInterface
    private interface Writer<T> {
        void write(Out o, T value);
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(In i) throws Corrupt;
    }

    private static <T> void list(Out o, List<T> list, Writer<T> each) {
        o.i32(list.size());
        for (T t : list) {
            each.write(o, t);
        }
    }

    private static <T> List<T> list(In i, Reader<T> each) throws Corrupt {
        int n = i.count();
        List<T> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(each.read(i));
        }
        return out;
    }

    private static void strings(Out o, List<String> list) {
        list(o, list, Out::str);
    }

    private static List<String> strings(In i) throws Corrupt {
        return list(i, In::str);
    }

    private static <T> void optional(Out o, Optional<T> value, Writer<T> write) {
        o.bool(value.isPresent());
        value.ifPresent(v -> write.write(o, v));
    }

    private static <T> Optional<T> optional(In i, Reader<T> read) throws Corrupt {
        return i.bool() ? Optional.of(read.read(i)) : Optional.empty();
    }

    private static <E extends Enum<E>> E constant(In i, E[] values) throws Corrupt {
        int k = i.u8();
        if (k >= values.length) {
            throw new Corrupt("no constant " + k + " among " + values.length);
        }
        return values[k];
    }

    private static void date(Out o, LocalDate d) {
        o.i64(d.toEpochDay());
    }

    /** Days are kept to four-digit years, as the loader keeps them. */
    private static LocalDate date(In i) throws Corrupt {
        long day = i.i64();
        if (day < LocalDate.of(1000, 1, 1).toEpochDay()
                || day > LocalDate.of(9999, 12, 31).toEpochDay()) {
            throw new Corrupt("day " + day + " out of range");
        }
        return LocalDate.ofEpochDay(day);
    }

    private static void partial(Out o, PartialDate d) {
        o.i32(d.year());
        o.u8(d.month());
        o.u8(d.day());
    }

    private static PartialDate partial(In i) throws Corrupt {
        int year = i.i32();
        int month = i.u8();
        int day = i.u8();
        if (year < 1000 || year > 9999) {
            throw new Corrupt("year " + year + " out of range");
        }
        try {
            return new PartialDate(year, month, day);
        } catch (RuntimeException e) {
            throw new Corrupt("no such date: " + year + "-" + month + "-" + day);
        }
    }

    /** A record shared by reference (a state, a body, a person) is written as its index in its table. */
    private void ref(Out o, Object record) {
        Integer id = recordIds.get(record);
        if (id == null) {
            throw new IllegalStateException("not in a table: " + record);
        }
        o.i32(id);
    }

    private void optionalRef(Out o, Optional<?> record) {
        if (record.isPresent()) {
            ref(o, record.get());
        } else {
            o.i32(-1);
        }
    }

    private static <T> T ref(In i, List<T> table) throws Corrupt {
        return table.get(i.index(table.size(), false));
    }

    private static <T> Optional<T> optionalRef(In i, List<T> table) throws Corrupt {
        int k = i.index(table.size(), true);
        return k < 0 ? Optional.empty() : Optional.of(table.get(k));
    }

    /** The catalogue's name index, already normalized, so that reading it needs no Unicode tables. */
    private <T> void names(Out o, Catalog<T> catalog) {
        List<T> all = catalog.all();
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
}
