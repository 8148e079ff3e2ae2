package cis.yaml;

import cis.model.KbPart;
import cis.model.Location;
import cis.model.Names;
import cis.model.Problem;
import cis.model.Publisher;
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
    /** The publishers catalogue of kb.yaml, by host; when a KB has none, hosts are not checked. */
    private final Map<String, Publisher> publishers = new HashMap<>();

    private boolean publishersDeclared;
    private final Map<String, Location> catalogueIds = new HashMap<>();
    private final Map<String, Map<String, Location>> ids = new HashMap<>();
    private final Map<String, Map<String, Claim>> names = new HashMap<>();

    private record Claim(String owner, Location at) {}

    /**
     * Reads kb.yaml's {@code publishers:} catalogue: host → name and kind. A host stands for itself
     * and its subdomains ({@code kremlin.ru} covers {@code en.kremlin.ru}).
     */
    void readPublishers(Fields top) {
        Optional<YamlNode> node = top.node("publishers");
        if (node.isEmpty()) {
            return;
        }
        publishersDeclared = true;
        if (!(node.get() instanceof YamlNode.Mapping m)) {
            top.problem(node.get().location(), "'publishers' should be a mapping of hosts to names and kinds");
            return;
        }
        m.entries().forEach((host, entry) -> {
            if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                problems.add(new Problem(
                        entry.keyLocation(),
                        "'" + host + "' is not a host name: lower case, no scheme, port, path or trailing dot"));
                return;
            }
            Fields.of(entry.value(), "publisher '" + host + "'", problems).ifPresent(p -> {
                Optional<String> name = p.required("name", Scalars::text);
                Optional<Publisher.Kind> kind =
                        p.required("kind", Scalars.oneOf(Publisher.Kind.class, Publisher.Kind::id));
                p.finish();
                if (name.isPresent() && kind.isPresent()) {
                    publishers.put(host, new Publisher(name.get(), kind.get()));
                }
            });
        });
    }

    /** The publisher of a URL: its host's entry, or its nearest parent domain's. */
    Optional<Publisher> publisherOf(String url) {
        String host = host(url);
        for (String h = host; h.contains("."); h = h.substring(h.indexOf('.') + 1)) {
            Publisher p = publishers.get(h);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String host(String url) {
        try {
            String h = new java.net.URI(url).getHost();
            return h == null ? "" : h.toLowerCase(java.util.Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    /**
     * A source as cited at {@code at}: its publisher from the catalogue, which must name it (when
     * the KB has a catalogue), and which must be the page's publisher, not a web archive; a copy in
     * an archive goes beside the original URL, as {@code archive}.
     */
    private Source source(Location at, String url, Optional<String> title, Optional<String> archive) {
        Optional<Publisher> publisher = publisherOf(url);
        if (publishersDeclared) {
            if (publisher.isEmpty()) {
                problems.add(new Problem(
                        at,
                        "'" + host(url) + "' is not in the publishers catalogue of " + KbPart.META_FILE
                                + ": cite the publisher's own page, or add the host with its name and kind"));
            } else if (publisher.get().kind() == Publisher.Kind.ARCHIVE) {
                problems.add(new Problem(
                        at,
                        "'" + url + "' is an archive copy: cite the original page's URL,"
                                + " with the copy as 'archive' in a source catalogue entry"));
            }
            archive.filter(a -> publisherOf(a)
                            .map(p -> p.kind() != Publisher.Kind.ARCHIVE)
                            .orElse(true))
                    .ifPresent(a -> problems.add(new Problem(
                            at,
                            "'archive' should be a web archive's copy, such as" + " https://web.archive.org/…, not '"
                                    + a + "'")));
        }
        return new Source(url, title, publisher, archive);
    }

    /**
     * A date or a status rests on a primary or news source: a fact whose every source is an
     * encyclopedia must say so, marked {@code uncertain} with a note.
     */
    void requirePrimary(Fields f, List<Source> sources, boolean uncertain, String what) {
        if (publishersDeclared
                && !uncertain
                && !sources.isEmpty()
                && sources.stream()
                        .allMatch(s -> s.publisher()
                                .map(p -> p.kind() == Publisher.Kind.ENCYCLOPEDIA)
                                .orElse(false))) {
            f.problem(
                    f.location(),
                    what + " rests only on an encyclopedia: cite a primary or news source,"
                            + " or mark it 'uncertain: true' with a note saying so");
        }
    }

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
                Optional<String> archive = s.optional("archive", sc -> Scalars.url(Scalars.text(sc)));
                s.finish();
                url.ifPresent(u -> catalogue.put(
                        key, source(s.node("url").map(YamlNode::location).orElse(s.location()), u, title, archive)));
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
                    out.add(source(s.location(), Scalars.url(text), Optional.empty(), Optional.empty()));
                } else if (catalogue.containsKey(text)) {
                    Location defined = catalogueIds.get(text);
                    if (!defined.file().equals(s.location().file())
                            && !defined.file().endsWith(KbPart.META_FILE)) {
                        // a command reads only the files it needs: another file's catalogue may be unread
                        f.problem(
                                s.location(),
                                "source id '" + text + "' is defined in " + defined.file()
                                        + "; a file may cite the ids of " + KbPart.META_FILE
                                        + " and its own, or give the URL");
                    }
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
