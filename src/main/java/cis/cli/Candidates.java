package cis.cli;

import cis.model.Body;
import cis.model.KbException;
import cis.model.KnowledgeBase;
import cis.model.Person;
import cis.model.Role;
import cis.model.Session;
import cis.model.State;
import cis.model.Status;
import cis.render.Format;
import cis.store.KbStore;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Completion candidates for options and parameters. Picocli instantiates these when it builds the
 * command model, so the constructors do nothing; the bundled KB is read only when a completion
 * script is generated (or the shell asks), never for an ordinary command.
 */
public final class Candidates {
    private Candidates() {}

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

    /** Candidates computed from the KB when first iterated. */
    private abstract static class FromKb implements Iterable<String> {
        private final Function<KnowledgeBase, List<String>> names;

        FromKb(Function<KnowledgeBase, List<String>> names) {
            this.names = names;
        }

        @Override
        public Iterator<String> iterator() {
            return names.apply(Bundled.KB).iterator();
        }
    }

    /** A shell word for an entry: its display name when that is one word, else its id. */
    static String word(String name, String id) {
        return name.contains(" ") ? id : name;
    }

    static final class States extends FromKb {
        States() {
            super(kb -> kb.states().all().stream().map(State::name).sorted().toList());
        }
    }

    static final class People extends FromKb {
        People() {
            super(kb -> kb.officials().people().all().stream()
                    .map(p -> word(p.name(), p.id()))
                    .sorted()
                    .toList());
        }
    }

    static final class Bodies extends FromKb {
        Bodies() {
            super(kb -> kb.bodies().all().stream().map(Body::id).toList());
        }
    }

    static final class Roles extends FromKb {
        Roles() {
            super(kb -> kb.officials().roles().all().stream().map(Role::id).toList());
        }
    }

    static final class Cities extends FromKb {
        Cities() {
            super(kb -> kb.sessions().cities().all().stream()
                    .map(c -> word(c.name(), c.id()))
                    .sorted()
                    .toList());
        }
    }

    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Status.values()).map(Status::id).iterator();
        }
    }

    /** The formats of every answer; a command that writes calendars also has {@link CalendarFormats}. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values())
                    .filter(f -> f != Format.ICS)
                    .map(Format::id)
                    .iterator();
        }
    }

    static final class CalendarFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }

    static final class Colors implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "always", "never").iterator();
        }
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Session.Kind.values()).map(Session.Kind::id).iterator();
        }
    }

    static final class Sorts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("newest", "date").iterator();
        }
    }

    static final class StatesSorts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("status", "name", "since").iterator();
        }
    }

    static final class OfficialsSorts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("office", "since", "name").iterator();
        }
    }

    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    /** What {@code cis kb use} takes besides an installed version (which completion cannot know). */
    static final class KbChoices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bundled", "latest").iterator();
        }
    }

    /** People's full names, for completers that can insert spaces (fish, the shell). */
    public static List<String> peopleNames() {
        return Bundled.KB.officials().people().all().stream()
                .map(Person::name)
                .sorted()
                .toList();
    }
}
