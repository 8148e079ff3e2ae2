package cis.store;

import cis.model.KnowledgeBase;
import cis.yaml.KbLoader;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build step (Maven's process-classes phase): {@code BuildStep DATA_DIR CLASSES_DIR POM}.
 * Validates and pre-parses the bundled KB into {@code cis/kb/kb.bin} (and its version into
 * {@code cis/kb/kb.version}), then writes
 * {@code cis/build-id}: the digest of everything built, and the fingerprint of the binary format.
 */
public final class BuildStep {
    static final String BUNDLED = "cis/kb/kb.bin";
    /** The bundled KB's version alone, so that choosing between it and an installed update reads a few bytes. */
    static final String BUNDLED_VERSION = "cis/kb/kb.version";

    private BuildStep() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Path pom = Path.of(args[2]);
        KnowledgeBase kb = KbLoader.load(KbFiles.directory(data));
        Path bin = classes.resolve(BUNDLED);
        Files.createDirectories(bin.getParent());
        Files.write(bin, KbCodec.encode(kb));
        Files.writeString(classes.resolve(BUNDLED_VERSION), kb.meta().version() + "\n", StandardCharsets.UTF_8);
        BuildId id = new BuildId(buildDigest(classes, pom), formatFingerprint(classes));
        Files.writeString(classes.resolve(BuildId.RESOURCE.substring(1)), id.text(), StandardCharsets.US_ASCII);
    }

    /** Every file the build made (and the POM, which names the dependencies), by path and content. */
    static String buildDigest(Path classes, Path pom) throws IOException {
        Blake2b sha = new Blake2b();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = classes.relativize(f).toString().replace('\\', '/');
            if (!name.equals(BuildId.RESOURCE.substring(1))) {
                byte[] content = Files.readAllBytes(f);
                sha.update(name).update(content.length).update(content);
            }
        }
        sha.update("pom.xml").update(Files.readAllBytes(pom));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The shape of every record reachable from {@link KnowledgeBase} (component names and types,
     * enum constants in order) and the bytes of the codec: change any of them and the format changes.
     */
    static String formatFingerprint(Path classes) throws IOException {
        Blake2b sha = new Blake2b();
        sha.update(shapes(KnowledgeBase.class));
        for (Class<?> c : List.of(KbCodec.class, RecordCodec.class, Bytes.class, Bytes.In.class, Bytes.Out.class)) {
            sha.update(Files.readAllBytes(classes.resolve(c.getName().replace('.', '/') + ".class")));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A text listing each record's components and each enum's constants, from {@code root} down. */
    static String shapes(Class<?> root) {
        StringBuilder out = new StringBuilder();
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                todo.push(p.getRawType());
                todo.addAll(List.of(p.getActualTypeArguments()));
                continue;
            }
            if (!(t instanceof Class<?> c) || !seen.add(c) || !c.getName().startsWith("cis.")) {
                continue;
            }
            out.append(c.getName());
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    out.append(' ')
                            .append(rc.getName())
                            .append(':')
                            .append(rc.getGenericType().getTypeName());
                    todo.add(rc.getGenericType());
                }
            } else if (c.isEnum()) {
                for (Object constant : c.getEnumConstants()) {
                    out.append(' ').append(((Enum<?>) constant).name());
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
