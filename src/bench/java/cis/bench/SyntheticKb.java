package cis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an N-times larger copy of a KB directory for benchmarks: every state's timeline (its
 * events, the bulk of states.yaml) is repeated N times, so states.yaml grows N-fold while the
 * states, their periods and their names stay valid and unique. The other files are copied as they are.
 */
public final class SyntheticKb {
    private SyntheticKb() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SyntheticKb SOURCE_DIR TARGET_DIR FACTOR");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
    }

    @SuppressWarnings("unchecked")
    public static void write(Path source, Path target, int factor) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Object> doc = yaml.readValue(source.resolve("states.yaml").toFile(), LinkedHashMap.class);
        for (Map<String, Object> state : (List<Map<String, Object>>) doc.get("states")) {
            List<Map<String, Object>> events = (List<Map<String, Object>>) state.getOrDefault("events", List.of());
            List<Map<String, Object>> more = new ArrayList<>(events);
            for (int copy = 2; copy <= factor; copy++) {
                for (Map<String, Object> e : events) {
                    Map<String, Object> c = new LinkedHashMap<>(e);
                    c.put("text", e.get("text") + " (synthetic copy " + copy + ")");
                    more.add(c);
                }
            }
            state.put("events", more);
        }
        yaml.writeValue(target.resolve("states.yaml").toFile(), doc);
    }
}
