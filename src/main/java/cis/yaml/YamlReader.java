package cis.yaml;

import cis.model.Location;
import cis.model.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link YamlNode} tree. Anything that is not plain, well-formed
 * YAML of a sane size (invalid UTF-8, aliases, duplicate keys, runaway nesting) becomes a
 * {@link Problem} rather than an exception.
 */
public final class YamlReader {
    /**
     * Far above any real knowledge-base file (the bundled ones are under 100 KB; the benchmark's
     * 1000-fold KB is 41 MB), and low enough that a stray huge file is refused, not parsed.
     */
    public static final int MAX_BYTES = 48 * 1024 * 1024;

    private static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY =
            YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    /** Raises SnakeYAML's own size limit above ours, so that our message is the one users see. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES + 1);
        return options;
    }

    private final String file;
    private final List<Problem> problems;
    private YAMLParser parser;

    private YamlReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Parses {@code bytes}; returns empty (with problems added) when the file is not usable. */
    public static Optional<YamlNode> read(String file, byte[] bytes, List<Problem> problems) {
        return new YamlReader(file, problems).read(bytes);
    }

    private Optional<YamlNode> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return fail(
                    1,
                    1,
                    "file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the most a knowledge-base file may be");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return fail(1, 1, "file is not valid UTF-8; save it as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is harmless in UTF-8; editors add it
        }
        if (text.isBlank()) {
            return fail(1, 1, "file is empty; expected a YAML mapping");
        }
        try (YAMLParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return fail(1, 1, "file holds no YAML document");
            }
            YamlNode root = node(first, 0);
            if (p.nextToken() != null) {
                problems.add(new Problem(here(), "more than one YAML document; keep one per file"));
            }
            return Optional.of(root);
        } catch (Abort abort) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // SnakeYAML knows where the problem is and what it is; Jackson's summary is vaguer.
                String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
                return fail(
                        m.getProblemMark().getLine() + 1,
                        m.getProblemMark().getColumn() + 1,
                        "YAML syntax: " + firstLine(m.getProblem()) + context);
            }
            JsonLocation l = e.getLocation();
            return fail(
                    l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : Math.max(1, l.getColumnNr()),
                    "YAML syntax: " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            return fail(1, 1, "cannot parse YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private YamlNode node(JsonToken token, int depth) throws IOException {
        Location at = here();
        if (depth > MAX_DEPTH) {
            problems.add(new Problem(at, "nesting deeper than " + MAX_DEPTH + " levels"));
            throw new Abort();
        }
        if (parser.isCurrentAlias()) {
            problems.add(
                    new Problem(at, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out"));
            throw new Abort();
        }
        return switch (token) {
            case START_OBJECT -> mapping(at, depth);
            case START_ARRAY -> sequence(at, depth);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.STRING, at);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.INTEGER, at);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.FLOAT, at);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.BOOLEAN, at);
            case VALUE_NULL -> new YamlNode.Scalar("", YamlNode.Scalar.Type.NULL, at);
            default -> {
                problems.add(new Problem(at, "unexpected YAML content (" + token + ")"));
                throw new Abort();
            }
        };
    }

    private YamlNode mapping(Location at, int depth) throws IOException {
        Map<String, YamlNode.Mapping.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = here();
            YamlNode value = node(parser.nextToken(), depth + 1);
            YamlNode.Mapping.Entry previous = entries.get(key);
            if (previous != null) {
                problems.add(new Problem(
                        keyAt,
                        "duplicate key '" + key + "' (first at line "
                                + previous.keyLocation().line() + ")"));
            } else {
                entries.put(key, new YamlNode.Mapping.Entry(keyAt, value));
            }
        }
        expect(t, JsonToken.END_OBJECT);
        return new YamlNode.Mapping(entries, at);
    }

    private YamlNode sequence(Location at, int depth) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                expect(null, JsonToken.END_ARRAY);
            }
            items.add(node(t, depth + 1));
        }
        return new YamlNode.Sequence(items, at);
    }

    private void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            problems.add(new Problem(here(), "unexpected end of YAML"));
            throw new Abort();
        }
    }

    private Location here() {
        JsonLocation l = parser.currentTokenLocation();
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private Optional<YamlNode> fail(int line, int column, String message) {
        problems.add(new Problem(new Location(file, line, column), message));
        return Optional.empty();
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /** Stops the walk after a problem that makes the rest of the file meaningless. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }
}
