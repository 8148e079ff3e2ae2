package cis.cli;

import cis.cli.view.Wording;
import cis.model.Body;
import cis.model.City;
import cis.model.KbException;
import cis.model.KnowledgeBase;
import cis.model.Names;
import cis.model.Person;
import cis.model.Role;
import cis.model.Session;
import cis.model.State;
import cis.model.Status;
import cis.model.Term;
import cis.render.Format;
import cis.store.KbStore;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Completion candidates for options and parameters. Picocli instantiates these when it builds the
 * command model, so the constructors do nothing; the bundled KB is read only when a completion
 * script is generated (or the shell asks), never for an ordinary command.
 */
public final class Candidates {
    private Candidates() {}

    /**
     * Candidates with a few words on each, for the shells that show them (zsh, fish). Iterating
     * yields the values alone, which is all picocli and the converters need.
     */
    public interface Described extends Iterable<String> {
        /** Each value and what it means ("" when its name says it all), in the order offered. */
        Map<String, String> described();

        @Override
        default Iterator<String> iterator() {
            return described().keySet().iterator();
        }
    }

    /** The bundled KB, loaded on first use. */
    private static final class Bundled {
        static final KnowledgeBase KB = load();

        private static KnowledgeBase load() {
            try {
                return KbStore.withoutCache()
                        .load(java.util.Optional.empty(), java.util.EnumSet.allOf(cis.model.KbPart.class), note -> {});
            } catch (KbException e) {
                throw new IllegalStateException("the bundled knowledge base is invalid: " + e.problems(), e);
            }
        }
    }

    /** Candidates computed from the KB when first asked for. */
    // A method to override, not a function passed to the constructor: picocli makes these for every
    // model it builds, and a lambda would be linked on each run's way to an answer.
    private abstract static class FromKb implements Described {
        abstract Map<String, String> values(KnowledgeBase kb);

        @Override
        public Map<String, String> described() {
            return values(Bundled.KB);
        }
    }

    /** Fixed values, each with its description. */
    private abstract static class Fixed implements Described {
        private final String[] valueThenDescription;

        Fixed(String... valueThenDescription) {
            this.valueThenDescription = valueThenDescription;
        }

        @Override
        public Map<String, String> described() {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < valueThenDescription.length; i += 2) {
                values.put(valueThenDescription[i], valueThenDescription[i + 1]);
            }
            return values;
        }
    }

    static final class States extends FromKb {
        @Override
        Map<String, String> values(KnowledgeBase kb) {
            return undescribed(
                    kb.states().all().stream().map(State::name).sorted().toList());
        }
    }

    /**
     * People by the names a shell can complete and the CLI resolves: full names ("Sergei Lebedev",
     * one word with its space escaped) and the surnames that find only one person ("Lebedev").
     */
    static final class People extends FromKb {
        @Override
        Map<String, String> values(KnowledgeBase kb) {
            Names<Person> names = kb.officials().people().names();
            Map<String, String> out = new TreeMap<>();
            for (Person p : kb.officials().people().all()) {
                out.put(p.name(), offices(kb, p));
                String surname = p.name().substring(p.name().lastIndexOf(' ') + 1);
                if (!surname.equals(p.name())
                        && names.find(surname).map(Person::id).orElse("").equals(p.id())) {
                    out.put(surname, p.name());
                }
            }
            return out;
        }

        /** "Executive Secretary; Chair, CHS": the offices a person held, in the order first held. */
        private static String offices(KnowledgeBase kb, Person p) {
            Set<String> offices = new LinkedHashSet<>();
            kb.officials().terms().stream()
                    .filter(t -> t.person().id().equals(p.id()))
                    .sorted(Comparator.comparing((Term t) -> t.from().earliest()))
                    .forEach(t -> offices.add(t.role().name() + ", "
                            + (t.role().perState()
                                    ? t.state().map(State::name).orElse(t.body().shortName())
                                    : t.body().shortName())));
            return String.join("; ", offices);
        }
    }

    /** The bodies that the KB has sessions of (the councils), for {@code sessions --body}. */
    static final class SessionBodies extends FromKb {
        @Override
        Map<String, String> values(KnowledgeBase kb) {
            return bodies(withRecords(
                    kb, kb.sessions().all().stream().map(Session::body).toList()));
        }
    }

    /** The bodies that the KB has office holders of, for {@code officials --body}. */
    static final class OfficialBodies extends FromKb {
        @Override
        Map<String, String> values(KnowledgeBase kb) {
            return bodies(withRecords(
                    kb, kb.officials().terms().stream().map(Term::body).toList()));
        }
    }

    /** The bodies among {@code used}, in KB order. */
    private static List<Body> withRecords(KnowledgeBase kb, List<Body> used) {
        Set<String> ids = new LinkedHashSet<>();
        used.forEach(b -> ids.add(b.id()));
        return kb.bodies().all().stream().filter(b -> ids.contains(b.id())).toList();
    }

    /** "heads-of-state" → "Council of Heads of State (CHS)". */
    private static Map<String, String> bodies(List<Body> bodies) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Body b : bodies) {
            out.put(b.id(), b.shortName().equals(b.name()) ? b.name() : b.name() + " (" + b.shortName() + ")");
        }
        return out;
    }

    static final class Roles extends FromKb {
        @Override
        Map<String, String> values(KnowledgeBase kb) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Role r : kb.officials().roles().all()) {
                out.put(r.id(), r.description().split("[,;.] ", 2)[0]);
            }
            return out;
        }
    }

    /** Cities by display name ("Avaza (Turkmenbashi)"), each with its state. */
    static final class Cities extends FromKb {
        @Override
        Map<String, String> values(KnowledgeBase kb) {
            Map<String, String> out = new TreeMap<>();
            for (City c : kb.sessions().cities().all()) {
                out.put(c.name(), c.state().name());
            }
            return out;
        }
    }

    static final class Statuses implements Described {
        @Override
        public Map<String, String> described() {
            Map<String, String> out = new LinkedHashMap<>();
            for (Status s : Status.values()) {
                out.put(s.id(), Wording.meaning(s).split("[:;] ", 2)[0]);
            }
            return out;
        }
    }

    /** The formats of every answer; a command that writes calendars also has {@link CalendarFormats}. */
    static final class Formats implements Described {
        @Override
        public Map<String, String> described() {
            return formats(false);
        }
    }

    static final class CalendarFormats implements Described {
        @Override
        public Map<String, String> described() {
            return formats(true);
        }
    }

    // A loop, not a stream: every help and every --format error lists these.
    private static Map<String, String> formats(boolean calendars) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Format f : Format.values()) {
            if (f == Format.ICS && !calendars) {
                continue;
            }
            out.put(
                    f.id(),
                    switch (f) {
                        case TABLE -> "columns for people (the default on a terminal)";
                        case PLAIN -> "tab-separated rows, no header (the default when piped)";
                        case JSON -> "an array of objects";
                        case YAML -> "the same fields as json";
                        case CSV -> "RFC 4180, with a header";
                        case TSV -> "tab-separated, with a header";
                        case MARKDOWN -> "a pipe table";
                        case ICS -> "an iCalendar file";
                    });
        }
        return out;
    }

    static final class Colors extends Fixed {
        Colors() {
            super(
                    "auto", "colour on a terminal, unless NO_COLOR is set or TERM is dumb",
                    "always", "colour even when piped",
                    "never", "no colour");
        }
    }

    static final class Kinds implements Described {
        @Override
        public Map<String, String> described() {
            Map<String, String> out = new LinkedHashMap<>();
            for (Session.Kind k : Session.Kind.values()) {
                out.put(
                        k.id(),
                        switch (k) {
                            case REGULAR -> "a scheduled session";
                            case INFORMAL -> "an informal summit";
                            case EXTRAORDINARY -> "called outside the schedule";
                            case JOINT -> "held jointly with another council";
                            case VIDEO -> "by videoconference";
                            case FOUNDING -> "the founding meeting";
                            case NARROW -> "in narrow format (leaders only)";
                        });
            }
            return out;
        }
    }

    static final class Sorts extends Fixed {
        Sorts() {
            super("newest", "newest first (the default)", "date", "oldest first");
        }
    }

    static final class StatesSorts extends Fixed {
        StatesSorts() {
            super(
                    "status", "members first (the default)",
                    "name", "by name",
                    "since", "longest-standing first");
        }
    }

    static final class OfficialsSorts extends Fixed {
        OfficialsSorts() {
            super(
                    "office", "office by office, each in time order (the default)",
                    "since", "all offices by date",
                    "name", "by name");
        }
    }

    static final class InputFormats extends Fixed {
        InputFormats() {
            super("lines", "NAME or NAME<tab>DATE, one a line (the default)", "csv", "with a header row");
        }
    }

    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    /** What {@code cis kb use} takes besides an installed version (which completion cannot know). */
    static final class KbChoices extends Fixed {
        KbChoices() {
            super(
                    "bundled",
                    "the knowledge base inside cis",
                    "latest",
                    "the newest installed, following updates again");
        }
    }

    private static Map<String, String> undescribed(List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v, ""));
        return out;
    }

    /** People's full names, for the shell's completer. */
    public static List<String> peopleNames() {
        return Bundled.KB.officials().people().all().stream()
                .map(Person::name)
                .sorted()
                .toList();
    }
}
