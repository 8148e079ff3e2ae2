package cis.update;

import cis.model.KbException;
import cis.model.KbMeta;
import cis.model.KnowledgeBase;
import cis.store.Installed;
import cis.store.KbStore;
import cis.store.KbVersions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code cis update}: fetches a bundle, checks its signature against the trusted keys and every
 * file against the signed manifest, parses it with the loader {@code cis validate} runs, and
 * installs it through the store (pre-parsed, synced, renamed into place), then points the store at
 * it. Whatever fails, and wherever, the KB in use is the one that was: the pointer is written last.
 */
public final class Updater {
    private final KbStore store;
    private final Map<String, String> env;
    private final Clock clock;
    private final String userAgent;
    private final Consumer<String> warnings;

    /** {@code warnings} hears what the user should know but that stops nothing (a key directory not trusted). */
    public Updater(KbStore store, Map<String, String> env, Clock clock, String userAgent, Consumer<String> warnings) {
        this.store = store;
        this.env = env;
        this.clock = clock;
        this.userAgent = userAgent;
        this.warnings = warnings;
    }

    /** What to fetch, which keys to trust besides the usual ones, and how patient to be. */
    public record Request(String from, List<Path> trust, boolean allowDowngrade, Duration timeout) {
        public Request {
            trust = List.copyOf(trust);
        }
    }

    /** The version of the KB that answers when no directory is named (an installed update, or the bundled one). */
    public String inUse() {
        return store.active().version().or(store::bundledVersion).orElseGet(() -> {
            try {
                return store.bundledMeta().version();
            } catch (KbException e) {
                return "unknown";
            }
        });
    }

    /** The newest published KB, as its signed manifest says, beside the one in use. */
    public record Checked(Manifest available, String inUse, TrustedKeys.Key signedBy) {
        public boolean newer() {
            return KbVersions.compare(available.version(), inUse) > 0;
        }
    }

    /** Reads only the bundle's signed manifest (the first few kilobytes), checks the signature, compares. */
    public Checked check(Request r) throws UpdateException {
        TrustedKeys keys = TrustedKeys.load(env, r.trust(), warnings);
        Sources.Opened source = Sources.open(r.from(), env, r.timeout(), Bundle.MAX_BYTES, userAgent);
        try (Bundle.Reader bundle = new Bundle.Reader(source.in())) {
            Bundle.Head head = bundle.head();
            TrustedKeys.Key signer = verify(head, keys);
            return new Checked(head.manifest(), inUse(), signer);
        }
    }

    /** What an update did. */
    public enum Result {
        /** Installed, and now in use. */
        INSTALLED,
        /** Installed, but the KB in use is pinned ({@code cis kb use}, {@code cis kb rollback}) and stays. */
        INSTALLED_KEPT_PINNED,
        /** The bundle is not newer than the KB in use: nothing was installed. */
        NOT_NEWER
    }

    /** The update's outcome: what it did, with what, and what was in use before. */
    public record Outcome(
            Result result,
            Manifest manifest,
            String before,
            boolean beforeBundled,
            Optional<Path> path,
            Optional<Installed.Pointer> pointer,
            TrustedKeys.Key signedBy,
            List<String> pruned) {
        public Outcome {
            pruned = List.copyOf(pruned);
        }
    }

    @SuppressWarnings("try") // the lock is held through the block, not used in it
    public Outcome update(Request r) throws UpdateException {
        Sources.check(r.from());
        Installed area = store.installed()
                .orElseThrow(() -> new UpdateException(
                        UpdateException.Kind.LOCAL,
                        "there is no place to install knowledge bases: neither XDG_DATA_HOME nor HOME is set",
                        "Set HOME (or XDG_DATA_HOME) to an absolute path."));
        TrustedKeys keys = TrustedKeys.load(env, r.trust(), warnings);
        String before = inUse();
        boolean beforeBundled = store.active().version().isEmpty();
        Sources.Opened source = Sources.open(r.from(), env, r.timeout(), Bundle.MAX_BYTES, userAgent);
        try (Bundle.Reader bundle = new Bundle.Reader(source.in())) {
            Bundle.Head head = bundle.head();
            TrustedKeys.Key signer = verify(head, keys);
            Manifest m = head.manifest();
            int newer = KbVersions.compare(m.version(), before);
            if (newer <= 0 && !r.allowDowngrade()) {
                return new Outcome(
                        Result.NOT_NEWER,
                        m,
                        before,
                        beforeBundled,
                        Optional.empty(),
                        Optional.empty(),
                        signer,
                        List.of());
            }
            try (Installed.Lock lock = area.lock()) {
                Path staged = area.stage();
                try {
                    write(staged, Installed.MANIFEST, head.manifestBytes());
                    write(staged, Installed.SIGNATURE, head.signatures().orElseThrow());
                    bundle.extract(m, staged);
                    KnowledgeBase kb = parse(staged, m);
                    String origin = "from " + source.shown() + "\ninstalled "
                            + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\nsigned-by "
                            + signer.id() + "\n";
                    Path path = store.install(staged, kb, origin);
                    Installed.Pointer now = area.pointer();
                    Result result;
                    if (now.pinned() && !r.allowDowngrade()) {
                        result = Result.INSTALLED_KEPT_PINNED;
                    } else {
                        // a downgrade is pinned: else a newer bundled KB would take over again
                        now = area.activate(m.version(), newer <= 0);
                        result = Result.INSTALLED;
                    }
                    List<String> pruned = area.prune();
                    store.forget();
                    return new Outcome(
                            result, m, before, beforeBundled, Optional.of(path), Optional.of(now), signer, pruned);
                } finally {
                    area.discard(staged); // nothing, once it is in place
                }
            }
        } catch (UpdateException e) {
            throw e;
        } catch (Installed.Conflict e) {
            throw new UpdateException(
                    UpdateException.Kind.INVALID,
                    e.getMessage(),
                    "Ask the publisher for a new version; the knowledge base in use is unchanged.",
                    e);
        } catch (IOException e) {
            throw local(area, e);
        }
    }

    private static UpdateException local(Installed area, IOException e) {
        return new UpdateException(
                UpdateException.Kind.LOCAL,
                "cannot install into " + area.directory() + ": "
                        + (e instanceof Installed.Unusable ? e.getMessage() : String.valueOf(e)),
                "It must be a directory of yours that only you can write (chmod 700). The knowledge base in use "
                        + "is unchanged.",
                e);
    }

    /** The trusted key that signed the manifest; refused when the bundle is unsigned or no trusted key signed it. */
    private static TrustedKeys.Key verify(Bundle.Head head, TrustedKeys keys) throws UpdateException {
        if (head.signatures().isEmpty()) {
            throw Signatures.notSigned();
        }
        return Signatures.verify(head.manifestBytes(), head.signatures().get(), keys);
    }

    /** The staged files parsed by the loader {@code cis validate} runs, and agreeing with the manifest. */
    private KnowledgeBase parse(Path staged, Manifest m) throws UpdateException {
        KnowledgeBase kb;
        try {
            kb = store.parse(staged);
        } catch (KbException e) {
            String first = e.problems().isEmpty()
                    ? e.getMessage()
                    : e.problems().get(0).toString().replace(staged + "/", "");
            throw new UpdateException(
                    UpdateException.Kind.INVALID,
                    "the bundle's knowledge base is invalid: " + first
                            + (e.problems().size() > 1
                                    ? " (and " + (e.problems().size() - 1) + " more)"
                                    : ""),
                    "Ask its publisher for a fixed bundle; the knowledge base in use is unchanged.");
        }
        KbMeta meta = kb.meta();
        if (!meta.version().equals(m.version())
                || !meta.reviewed().equals(m.reviewed())
                || !meta.sourcesUpTo().equals(m.sourcesUpTo())) {
            throw new UpdateException(
                    UpdateException.Kind.INVALID,
                    "the bundle's kb.yaml (version " + meta.version() + ", reviewed " + meta.reviewed()
                            + ") does not agree with its MANIFEST (version " + m.version() + ", reviewed "
                            + m.reviewed()
                            + ")",
                    "Make bundles with 'cis kb pack'; the knowledge base in use is unchanged.");
        }
        return kb;
    }

    private static void write(Path staged, String name, byte[] bytes) throws IOException {
        try (FileChannel ch = Installed.create(staged, name)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }
}
