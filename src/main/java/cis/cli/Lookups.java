package cis.cli;

import cis.cli.view.Wording;
import cis.model.Body;
import cis.model.Names;
import cis.model.Person;
import cis.model.Role;
import cis.model.State;
import cis.model.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Turns what the user typed into KB entries, or into an error that says what to type instead. */
final class Lookups {
    private static final Names<Status> STATUSES = Names.of(
            Arrays.asList(Status.values()), s -> List.of(s.id(), Wording.label(s)), Status::id, new ArrayList<>());

    private Lookups() {}

    /**
     * A lookup for an option's value: a value that names nothing is a usage error (exit 2), as a
     * bad option is, where a name asked about ({@code cis status Narnia}) is not found (exit 3).
     */
    static <T> T forOption(String option, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (CliException e) {
            if (e.exitCode() != ExitCode.NOT_FOUND) {
                throw e;
            }
            throw CliException.usage(option + ": " + e.getMessage(), e.hint().orElse(null));
        }
    }

    static State state(Names<State> names, String query) {
        return resolve(names, query, "state", State::name, "Run 'cis states' to list the states the KB knows.");
    }

    static Body body(Names<Body> names, String query, List<Body> all) {
        return resolve(
                names,
                query,
                "body",
                Body::name,
                "Bodies: "
                        + String.join(
                                ", ",
                                all.stream()
                                        .map(b -> b.id() + " (" + b.shortName() + ")")
                                        .toList()) + ".");
    }

    static Role role(Names<Role> names, String query, List<Role> all) {
        return resolve(
                names,
                query,
                "role",
                Role::id,
                "Roles: " + String.join(", ", all.stream().map(Role::id).toList()) + ".");
    }

    static Person person(Names<Person> names, String query) {
        return resolve(
                names, query, "person", Person::name, "Run 'cis officials --history' to list everyone the KB knows.");
    }

    /** Statuses from {@code --status}/{@code --is} values; each may hold a comma-separated list. */
    static Set<Status> statuses(List<String> values, String option) {
        Set<Status> out = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                Names.Lookup<Status> hit = STATUSES.lookup(part);
                if (hit instanceof Names.Lookup.Found<Status> f) {
                    out.add(f.entry());
                } else {
                    throw CliException.usage(
                            option + ": '" + part.strip() + "' is not a status" + suggestion(hit, Status::id),
                            "Statuses: "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(Status.values())
                                                    .map(Status::id)
                                                    .toList()) + ".");
                }
            }
        }
        if (out.isEmpty()) {
            throw CliException.usage(option + " needs at least one status", null);
        }
        return out;
    }

    static <T> T resolve(Names<T> names, String query, String what, Function<T, String> display, String hint) {
        if (query.isBlank()) {
            throw CliException.usage("an empty " + what + " name", hint);
        }
        Names.Lookup<T> hit = names.lookup(query);
        if (hit instanceof Names.Lookup.Found<T> f) {
            return f.entry();
        }
        if (hit instanceof Names.Lookup.Ambiguous<T> a) {
            throw CliException.notFound(
                    "'" + shown(query) + "' matches more than one " + what + ": "
                            + String.join(
                                    ", ", a.candidates().stream().map(display).toList()),
                    "Type more of the name.");
        }
        throw CliException.notFound("no " + what + " matches '" + shown(query) + "'" + suggestion(hit, display), hint);
    }

    private static <T> String suggestion(Names.Lookup<T> hit, Function<T, String> display) {
        if (hit instanceof Names.Lookup.Unknown<T> u && !u.suggestions().isEmpty()) {
            List<String> names = u.suggestions().stream().map(display).toList();
            return "; did you mean "
                    + (names.size() == 1
                            ? names.get(0)
                            : String.join(", ", names.subList(0, names.size() - 1)) + " or "
                                    + names.get(names.size() - 1))
                    + "?";
        }
        return "";
    }

    /** Echoes user input safely: control characters made visible, and very long input cut. */
    static String shown(String query) {
        String s = cis.render.Text.neutralize(query, false);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
