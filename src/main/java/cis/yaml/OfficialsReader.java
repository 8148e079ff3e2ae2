package cis.yaml;

import cis.model.Body;
import cis.model.Catalog;
import cis.model.KnowledgeBase;
import cis.model.Location;
import cis.model.PartialDate;
import cis.model.Person;
import cis.model.Role;
import cis.model.Source;
import cis.model.State;
import cis.model.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads officials.yaml: roles, people, and terms that refer to them and to states and bodies. */
final class OfficialsReader {
    private final LoadContext ctx;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();

    OfficialsReader(LoadContext ctx, Catalog<State> states, Catalog<Body> bodies) {
        this.ctx = ctx;
        states.all().forEach(s -> this.states.put(s.id(), s));
        bodies.all().forEach(b -> this.bodies.put(b.id(), b));
    }

    KnowledgeBase.Officials read(Fields top) {
        ctx.readCatalogue(top);
        top.mappings("roles", true, "a role", this::readRole).forEach(r -> roles.put(r.id(), r));
        top.mappings("people", true, "a person", this::readPerson).forEach(p -> people.put(p.id(), p));
        record Located(Term term, Location at) {}
        List<Located> terms =
                top.mappings("terms", true, "a term", f -> readTerm(f).map(t -> new Located(t, f.location())));
        top.finish();
        checkOverlaps(
                terms.stream().map(Located::term).toList(),
                terms.stream().map(Located::at).toList(),
                top);
        List<Term> sorted = new ArrayList<>(terms.stream().map(Located::term).toList());
        sorted.sort((a, b) -> a.from().compareTo(b.from()));
        return new KnowledgeBase.Officials(
                Catalog.of(List.copyOf(roles.values()), Role::names, Role::id),
                Catalog.of(List.copyOf(people.values()), Person::names, Person::name),
                sorted);
    }

    private Optional<Role> readRole(Fields f) {
        Optional<String> id = ctx.id(f, "role");
        Optional<String> name = f.required("name", Scalars::text);
        List<String> aliases = f.listOf("aliases", false, Scalars::text);
        boolean perState = f.flag("perState");
        Optional<String> description = f.required("description", Scalars::text);
        ctx.claimNames(f, "role", id.orElse("?"), List.of("id", "name"), List.of("aliases"));
        if (id.isEmpty() || name.isEmpty() || description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Role(id.get(), name.get(), aliases, perState, description.get()));
    }

    private Optional<Person> readPerson(Fields f) {
        Optional<String> id = ctx.id(f, "person");
        Optional<String> name = f.required("name", Scalars::text);
        Optional<String> fullName = f.optional("fullName", Scalars::text);
        Optional<String> nameRu = f.optional("nameRu", Scalars::text);
        List<String> aliases = f.listOf("aliases", false, Scalars::text);
        List<Person.FormerName> former = f.mappings("formerNames", false, "a former name", n -> {
            Optional<String> formerName = n.required("name", Scalars::text);
            Optional<PartialDate> until = n.optional("until", Scalars::partialDate);
            List<Source> sources = ctx.sources(n);
            return formerName.map(fn -> new Person.FormerName(fn, until, sources));
        });
        Optional<PartialDate> born = f.optional("born", Scalars::partialDate);
        Optional<String> birthplace = f.optional("birthplace", Scalars::text);
        Optional<PartialDate> died = f.optional("died", Scalars::partialDate);
        ctx.claimNames(
                f,
                "person",
                name.orElse(id.orElse("?")),
                List.of("id", "name", "fullName", "nameRu"),
                List.of("aliases", "formerNames"));
        List<Source> sources = ctx.sources(f);
        if (id.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        if (born.isPresent()
                && died.isPresent()
                && died.get().latest().isBefore(born.get().earliest())) {
            f.problem(f.location(), "died " + died.get() + " before being born " + born.get());
        }
        return Optional.of(
                new Person(id.get(), name.get(), fullName, nameRu, aliases, former, born, birthplace, died, sources));
    }

    private Optional<Term> readTerm(Fields f) {
        Optional<Person> person = ctx.reference(f, "person", "person", people, true);
        Optional<Role> role = ctx.reference(f, "role", "role", roles, true);
        Optional<Body> body = ctx.reference(f, "body", "body", bodies, true);
        Optional<State> state = ctx.reference(f, "state", "state", states, false);
        Optional<String> title = f.optional("title", Scalars::text);
        Optional<PartialDate> from = f.required("from", Scalars::partialDate);
        Optional<PartialDate> to = f.optional("to", Scalars::partialDate);
        List<State> coChairs = ctx.references(f, "coChairs", "state", states);
        Optional<String> note = f.optional("note", Scalars::text);
        boolean uncertain = f.flag("uncertain");
        List<Source> sources = ctx.sources(f);
        ctx.requirePrimary(f, sources, uncertain, "a term of office");
        if (person.isEmpty()
                || role.isEmpty()
                || body.isEmpty()
                || from.isEmpty()
                || (to.isEmpty() && f.node("to").isPresent())
                || (state.isEmpty() && f.node("state").isPresent())) {
            return Optional.empty();
        }
        if (role.get().perState() && state.isEmpty()) {
            f.problem(
                    f.location(),
                    "a " + role.get().id() + " term needs a 'state': the office has one holder per state");
            return Optional.empty();
        }
        if (!coChairs.isEmpty() && !role.get().id().equals("chair")) {
            f.problem(f.location(), "'coChairs' only applies to chair terms");
        }
        if (to.isPresent() && !to.get().latest().isAfter(from.get().earliest())) {
            f.problem(f.location(), "term runs backwards: 'to' " + to.get() + " is not after 'from' " + from.get());
            return Optional.empty();
        }
        return Optional.of(new Term(
                person.get(),
                role.get(),
                body.get(),
                state,
                title,
                from.get(),
                to,
                coChairs,
                note,
                uncertain,
                sources));
    }

    /** Two terms of one office (one holder per body, or per state for ministers) must not overlap. */
    private void checkOverlaps(List<Term> terms, List<Location> at, Fields top) {
        for (int i = 0; i < terms.size(); i++) {
            for (int j = 0; j < i; j++) {
                Term a = terms.get(j);
                Term b = terms.get(i);
                if (a.sameOffice(b) && a.overlaps(b)) {
                    top.problem(
                            at.get(i),
                            "overlaps the term of " + a.person().name() + " (" + a.from() + " to "
                                    + a.to().map(Object::toString).orElse("now") + ", line "
                                    + at.get(j).line()
                                    + "); " + a.role().id() + " of " + a.body().id() + " has one holder at a time");
                }
            }
        }
    }
}
