package cis.kb;

import cis.kb.yaml.Fields;
import cis.kb.yaml.Location;
import cis.kb.yaml.Problem;
import cis.kb.yaml.Scalars;
import cis.kb.yaml.YamlNode;
import cis.kb.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the KB's YAML files into records. Strict: every problem (syntax, unknown or duplicate
 * keys, wrong types, impossible dates, overlapping or backward periods, clashing names, unknown
 * sources) is collected with its file, line and column, and any problem fails the load.
 */
public final class KbLoader {
    public static final String META_FILE = "kb.yaml";
    public static final String STATES_FILE = "states.yaml";

    private static final String ID = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

    private final KbSource source;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Source> catalogue = new HashMap<>();
    private final Map<String, Location> stateIds = new HashMap<>();
    private final Map<String, Claim> nameClaims = new HashMap<>();

    private KbLoader(KbSource source) {
        this.source = source;
    }

    /** Loads and validates the KB; any problem makes it a {@link KbException} listing them all. */
    public static KnowledgeBase load(KbSource source) throws KbException {
        KbLoader loader = new KbLoader(source);
        KnowledgeBase kb = loader.read();
        if (!loader.problems.isEmpty() || kb == null) {
            throw new KbException("the knowledge base in " + source.describe() + " is invalid", loader.problems);
        }
        return kb;
    }

    /** Every problem in the KB, sorted; empty when it is valid. */
    public static List<Problem> validate(KbSource source) {
        KbLoader loader = new KbLoader(source);
        loader.read();
        return loader.problems.stream().sorted().toList();
    }

    /** Only the metadata, for {@code --version}: cheap, and usable even when states.yaml is broken. */
    public static KbMeta meta(KbSource source) throws KbException {
        KbLoader loader = new KbLoader(source);
        Optional<KbMeta> meta = loader.document(META_FILE).flatMap(loader::readMeta);
        if (meta.isEmpty()) {
            throw new KbException("the knowledge base in " + source.describe() + " is invalid", loader.problems);
        }
        return meta.get();
    }

    private KnowledgeBase read() {
        Optional<KbMeta> meta = document(META_FILE).flatMap(this::readMeta);
        List<State> states = document(STATES_FILE).map(this::readStates).orElse(List.of());
        List<Names.Clash<State>> clashes = new ArrayList<>();
        Names<State> names = Names.of(states, State::names, State::name, clashes);
        for (Names.Clash<State> c : problems.isEmpty() ? clashes : List.<Names.Clash<State>>of()) {
            problems.add(new Problem(new Location(source.displayName(STATES_FILE), 1, 1), "the name '" + c.name()
                    + "' belongs to both " + c.first().name() + " and " + c.second().name()));
        }
        return meta.map(m -> new KnowledgeBase(m, states, names)).orElse(null);
    }

    private Optional<Fields> document(String file) {
        String name = source.displayName(file);
        byte[] bytes;
        try {
            bytes = source.read(file);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(new Location(name, 1, 1), "file not found"));
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.add(new Problem(new Location(name, 1, 1), "permission denied"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(new Location(name, 1, 1), "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        return YamlReader.read(name, bytes, problems).flatMap(root -> Fields.of(root, "the file's top level", problems));
    }

    private Optional<KbMeta> readMeta(Fields f) {
        Optional<String> version = f.required("version", Scalars::text);
        Optional<LocalDate> reviewed = f.required("reviewed", Scalars::date);
        f.node("sources").ifPresent(node -> Fields.of(node, "the source catalogue", problems).ifPresent(cat -> {
            if (node instanceof YamlNode.Mapping m) {
                for (String key : m.entries().keySet()) {
                    cat.node(key).flatMap(n -> Fields.of(n, "source '" + key + "'", problems)).ifPresent(s -> {
                        Optional<String> url = s.required("url", sc -> Scalars.url(Scalars.text(sc)));
                        Optional<String> title = s.optional("title", Scalars::text);
                        s.finish();
                        url.ifPresent(u -> catalogue.put(key, new Source(u, title.orElse(null))));
                    });
                }
            }
        }));
        f.finish();
        if (version.isEmpty() || reviewed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KbMeta(version.get(), reviewed.get()));
    }

    private List<State> readStates(Fields top) {
        List<State> states = top.mappings("states", true, "a state", this::readState);
        top.finish();
        return states;
    }

    private Optional<State> readState(Fields f) {
        Optional<String> id = f.required("id", Scalars.matching(ID, "a lower-case id such as 'kyrgyzstan'"));
        Optional<String> name = f.required("name", Scalars::text);
        Optional<String> official = f.required("officialName", Scalars::text);
        Optional<String> iso2 = f.required("iso2", Scalars.matching("[A-Z]{2}", "an ISO 3166 alpha-2 code (two capitals)"));
        Optional<String> iso3 = f.required("iso3", Scalars.matching("[A-Z]{3}", "an ISO 3166 alpha-3 code (three capitals)"));
        Optional<String> capital = f.required("capital", Scalars::text);
        List<String> aliases = f.listOf("aliases", false, Scalars::text);
        claimNames(f, name.orElse(id.orElse("?")));
        List<Source> sources = sources(f, true);
        List<StatusPeriod> periods = periods(f);
        List<Condition> conditions = f.mappings("conditions", false, "a condition", this::readCondition);
        List<Event> events = f.mappings("events", false, "an event", this::readEvent);
        id.ifPresent(i -> {
            Location first = stateIds.putIfAbsent(i, f.location());
            if (first != null) {
                f.problem(f.location(), "duplicate state id '" + i + "' (first at line " + first.line() + ")");
            }
        });
        if (id.isEmpty() || name.isEmpty() || official.isEmpty() || iso2.isEmpty() || iso3.isEmpty()
                || capital.isEmpty() || periods.isEmpty()) {
            return Optional.empty();
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        return Optional.of(new State(id.get(), name.get(), official.get(), iso2.get(), iso3.get(), capital.get(),
                aliases, periods, conditions, sorted, sources));
    }

    /**
     * Records where each of a state's names is written, so that a name two states share is
     * reported at the place it is written the second time.
     */
    private void claimNames(Fields f, String owner) {
        List<YamlNode> nodes = new ArrayList<>();
        for (String key : List.of("id", "name", "officialName", "iso2", "iso3")) {
            f.node(key).ifPresent(nodes::add);
        }
        f.node("aliases").filter(n -> n instanceof YamlNode.Sequence)
                .ifPresent(n -> nodes.addAll(((YamlNode.Sequence) n).items()));
        for (YamlNode n : nodes) {
            if (n instanceof YamlNode.Scalar sc && sc.type() == YamlNode.Scalar.Type.STRING) {
                String key = Names.normalize(sc.text());
                if (key.isEmpty()) {
                    continue;
                }
                Claim first = nameClaims.putIfAbsent(key, new Claim(owner, sc.location()));
                if (first != null && !first.owner().equals(owner)) {
                    f.problem(sc.location(), "the name '" + sc.text() + "' already belongs to " + first.owner()
                            + " (line " + first.at().line() + "); a name may lead to one state only");
                }
            }
        }
    }

    private record Claim(String owner, Location at) {}

    /** Reads the periods and checks that they run forwards, in order, without gaps or overlaps. */
    private List<StatusPeriod> periods(Fields state) {
        record Located(StatusPeriod period, Location at) {}
        int[] attempted = {0};
        List<Located> read = state.mappings("statuses", true, "a status period", f -> {
            attempted[0]++;
            Optional<Status> status = f.required("status", Scalars.oneOf(Status.class, Status::id));
            Optional<LocalDate> from = f.required("from", Scalars::date);
            Optional<LocalDate> to = f.optional("to", Scalars::date);
            Optional<String> note = f.optional("note", Scalars::text);
            boolean uncertain = f.flag("uncertain");
            List<Source> sources = sources(f, true);
            if (status.isEmpty() || from.isEmpty() || to.isEmpty() && f.node("to").isPresent()) {
                return Optional.empty();
            }
            if (to.isPresent() && !to.get().isAfter(from.get())) {
                f.problem(f.location(), "period runs backwards: 'to' " + to.get() + " is not after 'from' " + from.get());
                return Optional.empty();
            }
            return Optional.of(new Located(new StatusPeriod(status.get(), from.get(), to, note, uncertain, sources),
                    f.location()));
        });
        if (read.size() < attempted[0]) {
            return List.of(); // a period could not be read: order checks would only add noise
        }
        for (int i = 1; i < read.size(); i++) {
            StatusPeriod prev = read.get(i - 1).period();
            StatusPeriod cur = read.get(i).period();
            Location at = read.get(i).at();
            if (prev.to().isEmpty()) {
                state.problem(at, "overlaps the previous period (" + prev.status().id() + " from " + prev.from()
                        + ", which has no 'to')");
            } else if (cur.from().isBefore(prev.to().get())) {
                state.problem(at, "overlaps the previous period (" + prev.status().id() + " " + prev.from() + " to "
                        + prev.to().get() + "); periods must be in order and not overlap");
            } else if (cur.from().isAfter(prev.to().get())) {
                state.problem(at, "gap between " + prev.to().get() + " (end of the previous period) and " + cur.from()
                        + "; each period's 'from' must equal the previous one's 'to'");
            } else if (cur.status() == prev.status()) {
                state.problem(at, "repeats status '" + cur.status().id() + "' of the previous period; merge them");
            }
        }
        if (!read.isEmpty()) {
            Located last = read.get(read.size() - 1);
            if (last.period().to().isPresent()) {
                state.problem(last.at(), "the last period must have no 'to': a state always has some status");
            }
        }
        return read.stream().map(Located::period).toList();
    }

    private Optional<Condition> readCondition(Fields f) {
        Optional<Condition.Kind> kind = f.required("kind", Scalars.oneOf(Condition.Kind.class, Condition.Kind::id));
        Optional<PartialDate> from = f.required("from", Scalars::partialDate);
        Optional<PartialDate> to = f.optional("to", Scalars::partialDate);
        Optional<String> text = f.required("text", Scalars::text);
        List<Source> sources = sources(f, true);
        if (kind.isEmpty() || from.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        if (to.isPresent() && to.get().latest().isBefore(from.get().earliest())) {
            f.problem(f.location(), "condition runs backwards: 'to' " + to.get() + " is before 'from' " + from.get());
            return Optional.empty();
        }
        return Optional.of(new Condition(kind.get(), from.get(), to, text.get(), sources));
    }

    private Optional<Event> readEvent(Fields f) {
        Optional<PartialDate> date = f.required("date", Scalars::partialDate);
        Optional<Event.Kind> kind = f.required("kind", Scalars.oneOf(Event.Kind.class, Event.Kind::id));
        Optional<String> text = f.required("text", Scalars::text);
        Optional<String> note = f.optional("note", Scalars::text);
        boolean uncertain = f.flag("uncertain");
        List<Source> sources = sources(f, true);
        if (date.isEmpty() || kind.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Event(date.get(), kind.get(), text.get(), note, uncertain, sources));
    }

    /** A fact's sources: URLs, or ids from the catalogue in kb.yaml. Every fact needs at least one. */
    private List<Source> sources(Fields f, boolean required) {
        List<Source> out = new ArrayList<>();
        for (YamlNode item : f.list("sources", required)) {
            if (!(item instanceof YamlNode.Scalar s)) {
                f.problem(item.location(), "a source should be a URL or a source id, not " + item.describe());
                continue;
            }
            try {
                String text = Scalars.text(s);
                if (text.contains("://") || text.startsWith("http")) {
                    out.add(new Source(Scalars.url(text), null));
                } else if (catalogue.containsKey(text)) {
                    out.add(catalogue.get(text));
                } else {
                    f.problem(s.location(), "unknown source id '" + text + "'; define it under 'sources' in "
                            + META_FILE + " or give a URL");
                }
            } catch (Fields.Invalid e) {
                f.problem(s.location(), "source: " + e.getMessage());
            }
        }
        if (required && out.isEmpty() && f.node("sources").isPresent()) {
            f.problem(f.location(), "every fact needs at least one source");
        }
        return out;
    }
}
