package cis.yaml;

import cis.model.KbPart;
import cis.model.Location;
import cis.model.Names;
import cis.model.Problem;
import cis.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the readers of the KB files share while loading: the problems found so far, the source
 * catalogue, and the ids and names already claimed (to catch duplicates where they are written).
 */
final class LoadContext {
    static final String ID = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    static final Fields.Conversion<String> ID_CONVERSION = Scalars.matching(ID, "a lower-case id such as 'kyrgyzstan'");

    final List<Problem> problems = new ArrayList<>();
    /**
     * Kinds of entry ("state", "body", "source") whose file could not be read or parsed, and those
     * files: a reference to such a kind is not checked, since every one would look unknown.
     */
    final Set<String> unusableKinds = new HashSet<>();

    final Set<String> unusableFiles = new HashSet<>();
    private final Map<String, Source> catalogue = new HashMap<>();
    private final Map<String, Location> catalogueIds = new HashMap<>();
    private final Map<String, Map<String, Location>> ids = new HashMap<>();
    private final Map<String, Map<String, Claim>> names = new HashMap<>();

    private record Claim(String owner, Location at) {}

    /** Reads a file's {@code sources:} catalogue (id → url, title); ids are unique across all files. */
    void readCatalogue(Fields top) {
        Optional<YamlNode> node = top.node("sources");
        if (node.isEmpty()) {
            return;
        }
        if (!(node.get() instanceof YamlNode.Mapping m)) {
            top.problem(node.get().location(), "'sources' should be a mapping of source ids to URLs");
            return;
        }
        m.entries().forEach((key, entry) -> {
            Location first = catalogueIds.putIfAbsent(key, entry.keyLocation());
            if (first != null) {
                problems.add(
                        new Problem(entry.keyLocation(), "source id '" + key + "' is already defined at " + first));
                return;
            }
            Fields.of(entry.value(), "source '" + key + "'", problems).ifPresent(s -> {
                Optional<String> url = s.required("url", sc -> Scalars.url(Scalars.text(sc)));
                Optional<String> title = s.optional("title", Scalars::text);
                s.finish();
                url.ifPresent(u -> catalogue.put(key, new Source(u, title.orElse(null))));
            });
        });
    }

    /** A fact's sources: URLs, or ids from a catalogue. Every fact needs at least one. */
    List<Source> sources(Fields f) {
        List<Source> out = new ArrayList<>();
        for (YamlNode item : f.list("sources", true)) {
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
                } else if (!catalogueIds.containsKey(text) && !unusableKinds.contains("source")) {
                    f.problem(
                            s.location(),
                            "unknown source id '" + text + "'; define it under 'sources' in " + KbPart.META_FILE
                                    + " or give a URL");
                }
            } catch (Fields.Invalid e) {
                f.problem(s.location(), "source: " + e.getMessage());
            }
        }
        if (out.isEmpty()
                && f.node("sources").isPresent()
                && f.list("sources", false).isEmpty()) {
            f.problem(f.location(), "every fact needs at least one source");
        }
        return out;
    }

    /** Reads the required id of an entry of {@code kind} and reports a duplicate where it is written. */
    Optional<String> id(Fields f, String kind) {
        Optional<String> id = f.required("id", ID_CONVERSION);
        id.ifPresent(i -> {
            Location at = f.node("id").map(YamlNode::location).orElse(f.location());
            Location first = ids.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(i, at);
            if (first != null) {
                f.problem(at, "duplicate " + kind + " id '" + i + "' (first at line " + first.line() + ")");
            }
        });
        return id;
    }

    /**
     * Records where each name of an entry is written (the scalar keys and the list keys given), so
     * that a name two entries of one kind share is reported where it is written the second time.
     */
    void claimNames(Fields f, String kind, String owner, List<String> scalarKeys, List<String> listKeys) {
        List<YamlNode> nodes = new ArrayList<>();
        scalarKeys.forEach(k -> f.node(k).ifPresent(nodes::add));
        for (String k : listKeys) {
            f.node(k).filter(n -> n instanceof YamlNode.Sequence).ifPresent(n -> {
                for (YamlNode item : ((YamlNode.Sequence) n).items()) {
                    nodes.add(
                            item instanceof YamlNode.Mapping m && m.entries().containsKey("name")
                                    ? m.entries().get("name").value()
                                    : item);
                }
            });
        }
        Map<String, Claim> claims = names.computeIfAbsent(kind, k -> new HashMap<>());
        for (YamlNode n : nodes) {
            if (n instanceof YamlNode.Scalar sc && sc.type() == YamlNode.Scalar.Type.STRING) {
                String key = Names.normalize(sc.text());
                if (key.isEmpty()) {
                    continue;
                }
                Claim first = claims.putIfAbsent(key, new Claim(owner, sc.location()));
                if (first != null && !first.owner().equals(owner)) {
                    f.problem(
                            sc.location(),
                            "the name '" + sc.text() + "' already belongs to " + first.owner() + " (line "
                                    + first.at().line() + "); a name may lead to one " + kind + " only");
                }
            }
        }
    }

    /** Resolves a reference to an entry by id, reporting an unknown id with the closest known one. */
    <T> Optional<T> reference(Fields f, String key, String kind, Map<String, T> byId, boolean required) {
        Optional<String> id = required ? f.required(key, ID_CONVERSION) : f.optional(key, ID_CONVERSION);
        return id.flatMap(i -> lookup(f, f.node(key).map(YamlNode::location).orElse(f.location()), i, kind, byId));
    }

    /** Resolves each id in a list of references. */
    <T> List<T> references(Fields f, String key, String kind, Map<String, T> byId) {
        List<T> out = new ArrayList<>();
        for (YamlNode item : f.list(key, false)) {
            if (item instanceof YamlNode.Scalar s) {
                try {
                    lookup(f, s.location(), ID_CONVERSION.convert(s), kind, byId)
                            .ifPresent(out::add);
                } catch (Fields.Invalid e) {
                    f.problem(s.location(), "'" + key + "': " + e.getMessage());
                }
            } else {
                f.problem(item.location(), "'" + key + "' should list " + kind + " ids, not " + item.describe());
            }
        }
        return out;
    }

    private <T> Optional<T> lookup(Fields f, Location at, String id, String kind, Map<String, T> byId) {
        T hit = byId.get(id);
        if (hit == null && !unusableKinds.contains(kind)) {
            String near = byId.keySet().stream()
                    .filter(k -> Names.distance(k, id, 2) <= 2)
                    .sorted()
                    .findFirst()
                    .map(k -> "; did you mean '" + k + "'?")
                    .orElse("");
            f.problem(at, "unknown " + kind + " '" + id + "'" + near);
        }
        return Optional.ofNullable(hit);
    }
}
