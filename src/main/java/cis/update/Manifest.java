package cis.update;

import cis.model.KbPart;
import cis.store.KbVersions;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed part of a bundle: the KB's version, the day its facts were reviewed, the latest day
 * its sources cover, and every file's name, size and SHA-256. Its bytes are canonical (one way to
 * write each manifest), so what is signed is exactly what is parsed:
 *
 * <pre>
 * cis-kb-bundle 1
 * version 2026.12.1
 * reviewed 2026-12-01
 * sources-up-to 2026-04-17
 * file kb.yaml 25348 9f2c…(64 hex digits)
 * file states.yaml 64696 …
 * </pre>
 *
 * The files are the KB's, all of them, in a fixed order: {@code kb.yaml}, then each part's file.
 */
public record Manifest(String version, LocalDate reviewed, Optional<LocalDate> sourcesUpTo, List<Entry> files) {
    static final String HEADER = "cis-kb-bundle 1";
    /** Larger than any manifest of five files. */
    static final int MAX_BYTES = 1 << 14;

    /** One file of the bundle. */
    public record Entry(String name, long size, String sha256) {
        public Entry {
            Objects.requireNonNull(name, "name");
            if (size < 0 || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a size and a SHA-256 in lower-case hex");
            }
        }
    }

    public Manifest {
        Objects.requireNonNull(reviewed, "reviewed");
        Objects.requireNonNull(sourcesUpTo, "sourcesUpTo");
        files = List.copyOf(files);
        if (!KbVersions.valid(version)) {
            throw new IllegalArgumentException("'" + version + "' cannot name a bundle: letters, digits, '.', '_', "
                    + "'-' and '+' only, starting with a letter or digit");
        }
        if (!files.stream().map(Entry::name).toList().equals(fileNames())) {
            throw new IllegalArgumentException("a bundle holds " + String.join(", ", fileNames()) + ", in that order");
        }
    }

    /** The files every bundle holds, in their order: the metadata, then each part's file. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        names.add(KbPart.META_FILE);
        for (KbPart p : KbPart.values()) {
            names.add(p.file());
        }
        return names;
    }

    public Optional<Entry> entry(String name) {
        return files.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The canonical bytes: what is signed. */
    public byte[] bytes() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("version ").append(version).append('\n');
        b.append("reviewed ").append(reviewed).append('\n');
        sourcesUpTo.ifPresent(d -> b.append("sources-up-to ").append(d).append('\n'));
        for (Entry e : files) {
            b.append("file ")
                    .append(e.name())
                    .append(' ')
                    .append(e.size())
                    .append(' ')
                    .append(e.sha256())
                    .append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; it must be in canonical form, byte for byte. */
    public static Manifest parse(byte[] bytes) throws UpdateException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("it is not UTF-8");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.size() < 4
                || !lines.get(0).equals(HEADER)
                || !lines.remove(lines.size() - 1).isEmpty()) {
            throw invalid("it does not start with '" + HEADER + "' or does not end with a line end");
        }
        try {
            String version = value(lines.get(1), "version");
            LocalDate reviewed = LocalDate.parse(value(lines.get(2), "reviewed"));
            int at = 3;
            Optional<LocalDate> upTo = Optional.empty();
            if (lines.get(at).startsWith("sources-up-to ")) {
                upTo = Optional.of(LocalDate.parse(value(lines.get(at), "sources-up-to")));
                at++;
            }
            List<Entry> files = new ArrayList<>();
            for (String line : lines.subList(at, lines.size())) {
                String[] f = value(line, "file").split(" ", -1);
                if (f.length != 3 || !f[1].matches("[0-9]{1,12}")) {
                    throw invalid("'" + line + "' is not 'file NAME SIZE SHA256'");
                }
                files.add(new Entry(f[0], Long.parseLong(f[1]), f[2]));
            }
            Manifest m = new Manifest(version, reviewed, upTo, files);
            if (!Arrays.equals(m.bytes(), bytes)) {
                throw invalid("it is not in canonical form");
            }
            return m;
        } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid(e.getMessage());
        }
    }

    private static String value(String line, String key) throws UpdateException {
        if (!line.startsWith(key + " ")) {
            throw invalid("expected '" + key + " …' but found '" + line + "'");
        }
        return line.substring(key.length() + 1);
    }

    private static UpdateException invalid(String why) {
        return new UpdateException(
                UpdateException.Kind.INVALID,
                "the bundle's MANIFEST is not valid: " + why,
                "Make bundles with 'cis kb pack'.");
    }
}
