package cis.yaml;

import cis.model.Location;
import cis.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict reading of one YAML mapping: typed getters that record a {@link Problem} (and return
 * empty) instead of throwing, and {@link #finish()} to report keys nobody asked for.
 */
public final class Fields {
    /** Turns a scalar into a value, or explains why it cannot. */
    @FunctionalInterface
    public interface Conversion<T> {
        T convert(YamlNode.Scalar scalar) throws Invalid;
    }

    /** Thrown by a {@link Conversion}; the message becomes the problem's text. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final YamlNode.Mapping mapping;
    private final String what;
    private final List<Problem> problems;
    private final Set<String> read = new HashSet<>();

    private Fields(YamlNode.Mapping mapping, String what, List<Problem> problems) {
        this.mapping = mapping;
        this.what = what;
        this.problems = problems;
    }

    /** Reads {@code node} as a mapping describing {@code what} ("a state", "a status period"). */
    public static Optional<Fields> of(YamlNode node, String what, List<Problem> problems) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new Fields(m, what, problems));
        }
        problems.add(new Problem(node.location(), "expected " + what + " (a mapping) but found " + node.describe()));
        return Optional.empty();
    }

    public Location location() {
        return mapping.location();
    }

    public List<Problem> problems() {
        return problems;
    }

    public void problem(Location at, String message) {
        problems.add(new Problem(at, message));
    }

    /** The raw node under {@code key}, if present (a YAML null counts as absent). */
    public Optional<YamlNode> node(String key) {
        read.add(key);
        YamlNode.Mapping.Entry e = mapping.entries().get(key);
        if (e == null || (e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL)) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    public <T> Optional<T> optional(String key, Conversion<T> conversion) {
        return node(key).flatMap(n -> convert(n, key, conversion));
    }

    public <T> Optional<T> required(String key, Conversion<T> conversion) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            missing(key);
            return Optional.empty();
        }
        return convert(n.get(), key, conversion);
    }

    public boolean flag(String key) {
        return optional(key, Scalars::bool).orElse(false);
    }

    /** The items of a list under {@code key}; a missing optional list is empty. */
    public List<YamlNode> list(String key, boolean required) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            if (required) {
                missing(key);
            }
            return List.of();
        }
        if (n.get() instanceof YamlNode.Sequence s) {
            return s.items();
        }
        problem(
                n.get().location(),
                "'" + key + "' should be a list but is " + n.get().describe());
        return List.of();
    }

    /** Each item of a list converted; bad items are reported and skipped. */
    public <T> List<T> listOf(String key, boolean required, Conversion<T> conversion) {
        List<T> out = new ArrayList<>();
        for (YamlNode item : list(key, required)) {
            convert(item, key, conversion).ifPresent(out::add);
        }
        return out;
    }

    /** Each item of a list read as a mapping by {@code reader}; bad items are reported and skipped. */
    public <T> List<T> mappings(String key, boolean required, String itemWhat, Function<Fields, Optional<T>> reader) {
        List<T> out = new ArrayList<>();
        for (YamlNode item : list(key, required)) {
            Fields.of(item, itemWhat, problems)
                    .flatMap(f -> {
                        Optional<T> v = reader.apply(f);
                        f.finish();
                        return v;
                    })
                    .ifPresent(out::add);
        }
        return out;
    }

    /** Reports every key that no getter asked for, with the closest valid key as a hint. */
    public void finish() {
        mapping.entries().forEach((key, entry) -> {
            if (!read.contains(key)) {
                String hint = read.stream()
                        .filter(k -> Scalars.distance(key, k) <= 2)
                        .min((a, b) -> Integer.compare(Scalars.distance(key, a), Scalars.distance(key, b)))
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse("; valid keys: "
                                + String.join(", ", read.stream().sorted().toList()));
                problem(entry.keyLocation(), "unknown key '" + key + "' in " + what + hint);
            }
        });
    }

    private void missing(String key) {
        problem(mapping.location(), what + " is missing '" + key + "'");
    }

    private <T> Optional<T> convert(YamlNode node, String key, Conversion<T> conversion) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            problem(node.location(), "'" + key + "' should be a single value but is " + node.describe());
            return Optional.empty();
        }
        try {
            return Optional.of(conversion.convert(scalar));
        } catch (Invalid e) {
            problem(scalar.location(), "'" + key + "': " + e.getMessage());
            return Optional.empty();
        }
    }
}
