package cis.yaml;

import cis.model.Body;
import cis.model.Catalog;
import cis.model.KbException;
import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Location;
import cis.model.Problem;
import cis.model.State;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the KB's YAML files into records. Strict: every problem (syntax, unknown or duplicate
 * keys, wrong types, impossible dates, overlapping periods or terms, clashing names, dangling
 * references, unknown sources) is collected with its file, line and column, and any problem fails
 * the load. Only the files a command needs are read. It knows no cache and no pre-parsed form: the
 * store decides when the YAML must be parsed.
 */
public final class KbLoader {
    private final KbInput source;
    private final LoadContext ctx = new LoadContext();

    private KbLoader(KbInput source) {
        this.source = source;
    }

    /** Loads every part of the KB. */
    public static KnowledgeBase load(KbInput source) throws KbException {
        return load(source, EnumSet.allOf(KbPart.class));
    }

    /** Loads the given parts (and those they refer to); any problem makes it a {@link KbException}. */
    public static KnowledgeBase load(KbInput source, Set<KbPart> parts) throws KbException {
        KbLoader loader = new KbLoader(source);
        Optional<KnowledgeBase> kb = loader.read(KbPart.withDependencies(parts));
        if (!loader.ctx.problems.isEmpty() || kb.isEmpty()) {
            throw new KbException("the knowledge base in " + source.describe() + " is invalid", loader.problems());
        }
        return kb.get();
    }

    /** Every problem in the whole KB, sorted; empty when it is valid. */
    public static List<Problem> validate(KbInput source) {
        return validate(source, EnumSet.allOf(KbPart.class));
    }

    /** Every problem in the given parts (and those they refer to), sorted. */
    public static List<Problem> validate(KbInput source, Set<KbPart> parts) {
        KbLoader loader = new KbLoader(source);
        loader.read(KbPart.withDependencies(parts));
        return loader.problems();
    }

    /** The problems found, those of files that could not be read or parsed first, each file's in order. */
    private List<Problem> problems() {
        return ctx.problems.stream()
                .sorted(Comparator.comparing((Problem p) ->
                                !ctx.unusableFiles.contains(p.location().file()))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Only the metadata, for {@code --version}: cheap, and usable even when a data file is broken. */
    public static KbMeta meta(KbInput source) throws KbException {
        KbLoader loader = new KbLoader(source);
        Optional<KbMeta> meta = loader.document(KbPart.META_FILE).flatMap(loader::readMeta);
        if (meta.isEmpty()) {
            throw new KbException("the knowledge base in " + source.describe() + " is invalid", loader.problems());
        }
        return meta.get();
    }

    private Optional<KnowledgeBase> read(Set<KbPart> parts) {
        Optional<KbMeta> meta = document(KbPart.META_FILE, "source").flatMap(this::readMeta);
        Catalog<State> states = parts.contains(KbPart.STATES)
                ? document(KbPart.STATES.file(), "state")
                        .map(f -> new StatesReader(ctx).read(f))
                        .orElse(Catalog.empty())
                : Catalog.empty();
        Catalog<Body> bodies = parts.contains(KbPart.BODIES)
                ? document(KbPart.BODIES.file(), "body")
                        .map(f -> new BodiesReader(ctx).read(f))
                        .orElse(Catalog.empty())
                : Catalog.empty();
        KnowledgeBase.Officials officials = parts.contains(KbPart.OFFICIALS)
                ? document(KbPart.OFFICIALS.file())
                        .map(f -> new OfficialsReader(ctx, states, bodies).read(f))
                        .orElse(KnowledgeBase.Officials.empty())
                : KnowledgeBase.Officials.empty();
        KnowledgeBase.Sessions sessions = parts.contains(KbPart.SESSIONS)
                ? document(KbPart.SESSIONS.file())
                        .map(f -> new SessionsReader(ctx, states, bodies).read(f))
                        .orElse(KnowledgeBase.Sessions.empty())
                : KnowledgeBase.Sessions.empty();
        return meta.map(m -> new KnowledgeBase(m, parts, states, bodies, officials, sessions));
    }

    /**
     * Reads and parses a file that defines entries of {@code kind}; if it cannot be, references to
     * that kind go unchecked (each would be a false "unknown …").
     */
    private Optional<Fields> document(String file, String kind) {
        Optional<Fields> doc = document(file);
        if (doc.isEmpty()) {
            ctx.unusableKinds.add(kind);
            ctx.unusableFiles.add(source.displayName(file));
        }
        return doc;
    }

    /** Reads and parses one file; its top level must be a mapping. */
    private Optional<Fields> document(String file) {
        String name = source.displayName(file);
        byte[] bytes;
        try {
            bytes = source.read(file);
        } catch (NoSuchFileException e) {
            return fail(name, "file not found");
        } catch (AccessDeniedException e) {
            return fail(name, "permission denied");
        } catch (FileSystemException e) {
            return fail(
                    name,
                    "cannot read: "
                            + Optional.ofNullable(e.getReason())
                                    .orElse(e.getClass().getSimpleName()));
        } catch (IOException e) {
            return fail(name, "cannot read: " + e.getMessage());
        }
        return YamlReader.read(name, bytes, ctx.problems)
                .flatMap(root -> Fields.of(root, "the file's top level", ctx.problems));
    }

    private Optional<Fields> fail(String file, String message) {
        ctx.problems.add(new Problem(new Location(file, 1, 1), message));
        return Optional.empty();
    }

    private Optional<KbMeta> readMeta(Fields f) {
        Optional<String> version = f.required("version", Scalars::text);
        Optional<LocalDate> reviewed = f.required("reviewed", Scalars::date);
        Optional<LocalDate> sourcesUpTo = f.optional("sourcesUpTo", Scalars::date);
        ctx.readPublishers(f); // before any source: each is checked against it
        ctx.readCatalogue(f);
        f.finish();
        if (version.isEmpty() || reviewed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KbMeta(version.get(), reviewed.get(), sourcesUpTo));
    }
}
