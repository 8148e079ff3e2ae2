package cis.yaml;

import cis.model.Location;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree that remembers where each node came from, so that every
 * problem the loader finds can name file, line and column. Jackson's databind would lose that
 * (and costs start-up time), so the tree is built from the streaming parser.
 */
public sealed interface YamlNode {
    Location location();

    /** What the node is, for "expected X but found Y" messages. */
    String describe();

    /** A scalar; {@code type} says how YAML typed the plain text (quoted text is always STRING). */
    record Scalar(String text, Type type, Location location) implements YamlNode {
        public enum Type {
            STRING,
            INTEGER,
            FLOAT,
            BOOLEAN,
            NULL
        }

        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "text";
                case INTEGER -> "a whole number";
                case FLOAT -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing (null)";
            };
        }
    }

    /** A mapping whose keys keep their own locations; duplicate keys never reach it. */
    record Mapping(Map<String, Entry> entries, Location location) implements YamlNode {
        public record Entry(Location keyLocation, YamlNode value) {}

        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
