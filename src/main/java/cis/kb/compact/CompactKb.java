package cis.kb.compact;

import cis.kb.Body;
import cis.kb.Catalog;
import cis.kb.City;
import cis.kb.Condition;
import cis.kb.Event;
import cis.kb.KbMeta;
import cis.kb.KbPart;
import cis.kb.KnowledgeBase;
import cis.kb.PartialDate;
import cis.kb.Person;
import cis.kb.Role;
import cis.kb.Session;
import cis.kb.Source;
import cis.kb.State;
import cis.kb.Status;
import cis.kb.StatusPeriod;
import cis.kb.Term;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled KB pre-parsed at build time into a small binary form that loads without YAML:
 * on a short-lived CLI, parsing YAML costs more than the answer. Written by {@link #main} during
 * the build from the validated YAML; a test checks that it reads back to the same records.
 * {@code --data} always reads YAML.
 */
public final class CompactKb {
    public static final String RESOURCE = "/cis/kb/kb.bin";
    private static final int MAGIC = 0x43495331; // "CIS1"
    private static final int FORMAT = 2;

    private CompactKb() {}

    /** Build step: {@code CompactKb <data dir> <output file>}. */
    public static void main(String[] args) throws Exception {
        KnowledgeBase kb = cis.kb.load.KbLoader.load(cis.kb.KbSource.directory(Path.of(args[0])));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            write(kb, o);
        }
    }

    /** The compact KB bundled in the jar, if the build wrote one. */
    public static Optional<KnowledgeBase> bundled(Set<KbPart> parts) throws IOException {
        try (InputStream in = CompactKb.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(in, parts));
        }
    }

    // ---- writing ----

    public static void write(KnowledgeBase kb, OutputStream raw) throws IOException {
        DataOutputStream file = new DataOutputStream(new BufferedOutputStream(raw));
        file.writeInt(MAGIC);
        file.writeInt(FORMAT);
        java.io.ByteArrayOutputStream section = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(section);
        Writer w = new Writer(out);
        out.writeUTF(kb.meta().version());
        w.date(kb.meta().reviewed());
        List<Source> sources = new ArrayList<>();
        kb.states().all().forEach(s -> {
            sources.addAll(s.sources());
            s.periods().forEach(p -> sources.addAll(p.sources()));
            s.conditions().forEach(c -> sources.addAll(c.sources()));
            s.events().forEach(e -> sources.addAll(e.sources()));
        });
        kb.bodies().all().forEach(b -> sources.addAll(b.sources()));
        kb.officials().people().all().forEach(p -> {
            sources.addAll(p.sources());
            p.formerNames().forEach(f -> sources.addAll(f.sources()));
        });
        kb.officials().terms().forEach(t -> sources.addAll(t.sources()));
        kb.sessions().all().forEach(s -> sources.addAll(s.sources()));
        w.sourceTable(sources);
        endSection(file, out, section);

        List<State> states = kb.states().all();
        out.writeInt(states.size());
        for (State s : states) {
            out.writeUTF(s.id());
            out.writeUTF(s.name());
            out.writeUTF(s.officialName());
            out.writeUTF(s.iso2());
            out.writeUTF(s.iso3());
            out.writeUTF(s.capital());
            w.strings(s.aliases());
            out.writeInt(s.periods().size());
            for (StatusPeriod p : s.periods()) {
                out.writeByte(p.status().ordinal());
                w.date(p.from());
                w.optionalDate(p.to());
                w.optional(p.note());
                out.writeBoolean(p.uncertain());
                w.sources(p.sources());
            }
            out.writeInt(s.conditions().size());
            for (Condition c : s.conditions()) {
                out.writeByte(c.kind().ordinal());
                w.partial(c.from());
                w.optionalPartial(c.to());
                out.writeUTF(c.text());
                w.sources(c.sources());
            }
            out.writeInt(s.events().size());
            for (Event e : s.events()) {
                w.partial(e.date());
                out.writeByte(e.kind().ordinal());
                out.writeUTF(e.text());
                w.optional(e.note());
                out.writeBoolean(e.uncertain());
                w.sources(e.sources());
            }
            w.sources(s.sources());
        }
        w.names(kb.states());
        endSection(file, out, section);
        List<Body> bodies = kb.bodies().all();
        out.writeInt(bodies.size());
        for (Body b : bodies) {
            out.writeUTF(b.id());
            out.writeUTF(b.name());
            w.optional(b.nameRu());
            w.strings(b.abbreviations());
            w.strings(b.aliases());
            out.writeUTF(b.description());
            w.sources(b.sources());
        }
        w.names(kb.bodies());
        endSection(file, out, section);
        List<Role> roles = kb.officials().roles().all();
        out.writeInt(roles.size());
        for (Role r : roles) {
            out.writeUTF(r.id());
            out.writeUTF(r.name());
            w.strings(r.aliases());
            out.writeBoolean(r.perState());
            out.writeUTF(r.description());
        }
        w.names(kb.officials().roles());
        List<Person> people = kb.officials().people().all();
        out.writeInt(people.size());
        for (Person p : people) {
            out.writeUTF(p.id());
            out.writeUTF(p.name());
            w.optional(p.fullName());
            w.optional(p.nameRu());
            w.strings(p.aliases());
            out.writeInt(p.formerNames().size());
            for (Person.FormerName f : p.formerNames()) {
                out.writeUTF(f.name());
                w.optionalPartial(f.until());
                w.sources(f.sources());
            }
            w.optionalPartial(p.born());
            w.optional(p.birthplace());
            w.optionalPartial(p.died());
            w.sources(p.sources());
        }
        w.names(kb.officials().people());
        List<Term> terms = kb.officials().terms();
        out.writeInt(terms.size());
        for (Term t : terms) {
            out.writeInt(people.indexOf(t.person()));
            out.writeInt(roles.indexOf(t.role()));
            out.writeInt(bodies.indexOf(t.body()));
            out.writeInt(t.state().map(states::indexOf).orElse(-1));
            w.optional(t.title());
            w.partial(t.from());
            w.optionalPartial(t.to());
            out.writeInt(t.coChairs().size());
            for (State s : t.coChairs()) {
                out.writeInt(states.indexOf(s));
            }
            w.optional(t.note());
            out.writeBoolean(t.uncertain());
            w.sources(t.sources());
        }
        endSection(file, out, section);
        List<City> cities = kb.sessions().cities().all();
        out.writeInt(cities.size());
        for (City c : cities) {
            out.writeUTF(c.id());
            out.writeUTF(c.name());
            w.strings(c.aliases());
            out.writeInt(states.indexOf(c.state()));
        }
        w.names(kb.sessions().cities());
        List<Session> sessions = kb.sessions().all();
        out.writeInt(sessions.size());
        for (Session s : sessions) {
            out.writeUTF(s.id());
            out.writeInt(bodies.indexOf(s.body()));
            w.partial(s.date());
            w.optionalDate(s.end());
            out.writeInt(s.city().map(cities::indexOf).orElse(-1));
            out.writeInt(s.country().map(states::indexOf).orElse(-1));
            out.writeByte(s.kind().ordinal());
            out.writeByte(s.status().ordinal());
            w.optionalPartial(s.movedTo());
            out.writeInt(s.chair().map(states::indexOf).orElse(-1));
            out.writeInt(s.participants().size());
            for (State p : s.participants()) {
                out.writeInt(states.indexOf(p));
            }
            w.optional(s.title());
            w.optional(s.note());
            out.writeBoolean(s.uncertain());
            w.sources(s.sources());
        }
        endSection(file, out, section);
        file.flush();
    }

    /** Writes the buffered section with its length first, so that a reader can skip what it does not need. */
    private static void endSection(DataOutputStream file, DataOutputStream out, java.io.ByteArrayOutputStream section)
            throws IOException {
        out.flush();
        file.writeInt(section.size());
        section.writeTo(file);
        section.reset();
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Source, Integer> sourceIndex = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void sourceTable(List<Source> all) throws IOException {
            List<Source> unique = new ArrayList<>();
            for (Source s : all) {
                if (sourceIndex.putIfAbsent(s, unique.size()) == null) {
                    unique.add(s);
                }
            }
            out.writeInt(unique.size());
            for (Source s : unique) {
                out.writeUTF(s.url());
                optional(Optional.ofNullable(s.title()));
            }
        }

        void sources(List<Source> sources) throws IOException {
            out.writeInt(sources.size());
            for (Source s : sources) {
                out.writeInt(sourceIndex.get(s));
            }
        }

        /** The catalogue's name index, already normalized, so that reading it needs no Unicode tables. */
        <T> void names(Catalog<T> catalog) throws IOException {
            Map<String, T> keys = catalog.names().keys();
            out.writeInt(keys.size());
            for (Map.Entry<String, T> e : keys.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(catalog.all().indexOf(e.getValue()));
            }
        }

        void strings(List<String> list) throws IOException {
            out.writeInt(list.size());
            for (String s : list) {
                out.writeUTF(s);
            }
        }

        void optional(Optional<String> s) throws IOException {
            out.writeBoolean(s.isPresent());
            if (s.isPresent()) {
                out.writeUTF(s.get());
            }
        }

        void date(LocalDate d) throws IOException {
            out.writeLong(d.toEpochDay());
        }

        void optionalDate(Optional<LocalDate> d) throws IOException {
            out.writeBoolean(d.isPresent());
            if (d.isPresent()) {
                date(d.get());
            }
        }

        void partial(PartialDate d) throws IOException {
            out.writeShort(d.year());
            out.writeByte(d.month());
            out.writeByte(d.day());
        }

        void optionalPartial(Optional<PartialDate> d) throws IOException {
            out.writeBoolean(d.isPresent());
            if (d.isPresent()) {
                partial(d.get());
            }
        }
    }

    // ---- reading ----

    public static KnowledgeBase read(InputStream raw) throws IOException {
        return read(raw, EnumSet.allOf(KbPart.class));
    }

    /** Reads the given parts (and what they refer to), skipping the other sections unread. */
    public static KnowledgeBase read(InputStream raw, Set<KbPart> wanted) throws IOException {
        Set<KbPart> parts = KbPart.withDependencies(wanted);
        parts.add(KbPart.STATES);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a compact knowledge base of format " + FORMAT);
        }
        in.readInt(); // section lengths: meta and sources, states, bodies, officials, sessions
        Reader r = new Reader(in);
        KbMeta meta = new KbMeta(in.readUTF(), r.date());
        int n = in.readInt();
        List<Source> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sources.add(new Source(in.readUTF(), r.optional().orElse(null)));
        }
        r.sourceTable = sources;

        in.readInt();
        List<State> states = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String id = in.readUTF();
            String name = in.readUTF();
            String official = in.readUTF();
            String iso2 = in.readUTF();
            String iso3 = in.readUTF();
            String capital = in.readUTF();
            List<String> aliases = r.strings();
            List<StatusPeriod> periods = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                periods.add(new StatusPeriod(Status.values()[in.readByte()], r.date(), r.optionalDate(), r.optional(),
                        in.readBoolean(), r.sources()));
            }
            List<Condition> conditions = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                conditions.add(new Condition(Condition.Kind.values()[in.readByte()], r.partial(), r.optionalPartial(),
                        in.readUTF(), r.sources()));
            }
            List<Event> events = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                events.add(new Event(r.partial(), Event.Kind.values()[in.readByte()], in.readUTF(), r.optional(),
                        in.readBoolean(), r.sources()));
            }
            states.add(new State(id, name, official, iso2, iso3, capital, aliases, periods, conditions, events,
                    r.sources()));
        }
        Catalog<State> stateCatalog = r.catalog(states, State::name);
        List<Body> bodies = new ArrayList<>();
        if (!section(in, parts.contains(KbPart.BODIES))) {
            return new KnowledgeBase(meta, parts, stateCatalog, Catalog.empty(),
                    KnowledgeBase.Officials.empty(), KnowledgeBase.Sessions.empty());
        }
        for (int i = in.readInt(); i > 0; i--) {
            bodies.add(new Body(in.readUTF(), in.readUTF(), r.optional(), r.strings(), r.strings(), in.readUTF(),
                    r.sources()));
        }
        Catalog<Body> bodyCatalog = r.catalog(bodies, Body::name);
        KnowledgeBase.Officials officials = KnowledgeBase.Officials.empty();
        if (section(in, parts.contains(KbPart.OFFICIALS))) {
            officials = readOfficials(in, r, states, bodies);
        }
        KnowledgeBase.Sessions sessions = KnowledgeBase.Sessions.empty();
        if (section(in, parts.contains(KbPart.SESSIONS))) {
            sessions = readSessions(in, r, states, bodies);
        }
        return new KnowledgeBase(meta, parts, stateCatalog, bodyCatalog, officials, sessions);
    }

    /** Reads a section's length; skips the section and returns false when it is not wanted. */
    private static boolean section(DataInputStream in, boolean wanted) throws IOException {
        int length = in.readInt();
        if (!wanted) {
            in.skipNBytes(length);
        }
        return wanted;
    }

    private static KnowledgeBase.Officials readOfficials(DataInputStream in, Reader r, List<State> states,
            List<Body> bodies) throws IOException {
        List<Role> roles = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            roles.add(new Role(in.readUTF(), in.readUTF(), r.strings(), in.readBoolean(), in.readUTF()));
        }
        Catalog<Role> roleCatalog = r.catalog(roles, Role::id);
        for (int i = in.readInt(); i > 0; i--) {
            String id = in.readUTF();
            String name = in.readUTF();
            Optional<String> fullName = r.optional();
            Optional<String> nameRu = r.optional();
            List<String> aliases = r.strings();
            List<Person.FormerName> former = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                former.add(new Person.FormerName(in.readUTF(), r.optionalPartial(), r.sources()));
            }
            people.add(new Person(id, name, fullName, nameRu, aliases, former, r.optionalPartial(), r.optional(),
                    r.optionalPartial(), r.sources()));
        }
        Catalog<Person> personCatalog = r.catalog(people, Person::name);
        for (int i = in.readInt(); i > 0; i--) {
            Person person = people.get(in.readInt());
            Role role = roles.get(in.readInt());
            Body body = bodies.get(in.readInt());
            Optional<State> state = r.ref(states);
            Optional<String> title = r.optional();
            PartialDate from = r.partial();
            Optional<PartialDate> to = r.optionalPartial();
            List<State> coChairs = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                coChairs.add(states.get(in.readInt()));
            }
            terms.add(new Term(person, role, body, state, title, from, to, coChairs, r.optional(), in.readBoolean(),
                    r.sources()));
        }
        return new KnowledgeBase.Officials(roleCatalog, personCatalog, terms);
    }

    private static KnowledgeBase.Sessions readSessions(DataInputStream in, Reader r, List<State> states,
            List<Body> bodies) throws IOException {
        List<City> cities = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            cities.add(new City(in.readUTF(), in.readUTF(), r.strings(), states.get(in.readInt())));
        }
        Catalog<City> cityCatalog = r.catalog(cities, City::name);
        for (int i = in.readInt(); i > 0; i--) {
            String id = in.readUTF();
            Body body = bodies.get(in.readInt());
            PartialDate date = r.partial();
            Optional<LocalDate> end = r.optionalDate();
            Optional<City> city = r.ref(cities);
            Optional<State> country = r.ref(states);
            Session.Kind kind = Session.Kind.values()[in.readByte()];
            Session.Status status = Session.Status.values()[in.readByte()];
            Optional<PartialDate> movedTo = r.optionalPartial();
            Optional<State> chair = r.ref(states);
            List<State> participants = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                participants.add(states.get(in.readInt()));
            }
            sessions.add(new Session(id, body, date, end, city, country, kind, status, movedTo, chair, participants,
                    r.optional(), r.optional(), in.readBoolean(), r.sources()));
        }
        return new KnowledgeBase.Sessions(cityCatalog, sessions);
    }

    private static final class Reader {
        private final DataInputStream in;
        private List<Source> sourceTable = List.of();

        Reader(DataInputStream in) {
            this.in = in;
        }

        List<Source> sources() throws IOException {
            int n = in.readInt();
            List<Source> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(sourceTable.get(in.readInt()));
            }
            return out;
        }

        /** Entries with their name index as written, keys already normalized. */
        <T> Catalog<T> catalog(List<T> entries, java.util.function.Function<T, String> display) throws IOException {
            Map<String, T> keys = new java.util.LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                keys.put(in.readUTF(), entries.get(in.readInt()));
            }
            return new Catalog<>(entries, cis.kb.Names.ofKeys(keys, display));
        }

        List<String> strings() throws IOException {
            int n = in.readInt();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(in.readUTF());
            }
            return out;
        }

        Optional<String> optional() throws IOException {
            return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
        }

        LocalDate date() throws IOException {
            return LocalDate.ofEpochDay(in.readLong());
        }

        Optional<LocalDate> optionalDate() throws IOException {
            return in.readBoolean() ? Optional.of(date()) : Optional.empty();
        }

        PartialDate partial() throws IOException {
            return new PartialDate(in.readShort(), in.readByte(), in.readByte());
        }

        Optional<PartialDate> optionalPartial() throws IOException {
            return in.readBoolean() ? Optional.of(partial()) : Optional.empty();
        }

        <T> Optional<T> ref(List<T> list) throws IOException {
            int i = in.readInt();
            return i < 0 ? Optional.empty() : Optional.of(list.get(i));
        }
    }
}
