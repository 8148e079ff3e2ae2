package cis.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.KbPart;
import cis.model.Problem;
import cis.store.KbFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schemas in data/schema accept the bundled KB and list exactly the keys the loader accepts. */
class SchemaTest {
    static final Path DATA = Path.of("data");
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TempDir
    Path dir;

    static JsonNode schema(String file) throws IOException {
        return new ObjectMapper()
                .readTree(DATA.resolve("schema").resolve(file + ".schema.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kb", "states", "bodies", "officials", "sessions"})
    void bundledFileIsValidAgainstItsSchema(String file) throws IOException {
        Schema schema;
        try (InputStream in = Files.newInputStream(DATA.resolve("schema").resolve(file + ".schema.json"))) {
            schema = REGISTRY.getSchema(in);
        }
        JsonNode doc = new YAMLMapper().readTree(DATA.resolve(file + ".yaml").toFile());
        assertThat(schema.validate(doc)).as("%s.yaml against its schema", file).isEmpty();
    }

    /**
     * For each kind of object, an object holding one unknown key makes the loader list the keys it
     * accepts; the schema must list the same ones.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kb        | (top)      | 'version: x\\nreviewed: 2026-01-01\\nzzz: 1'
            kb        | (source)   | 'version: x\\nreviewed: 2026-01-01\\nsources:\\n  S:\\n    zzz: 1'
            states    | (top)      | 'zzz: 1'
            states    | state      | 'states:\\n  - zzz: 1'
            states    | period     | 'states:\\n  - statuses:\\n      - zzz: 1'
            states    | condition  | 'states:\\n  - conditions:\\n      - zzz: 1'
            states    | event      | 'states:\\n  - events:\\n      - zzz: 1'
            bodies    | (top)      | 'zzz: 1'
            bodies    | body       | 'bodies:\\n  - zzz: 1'
            officials | (top)      | 'zzz: 1'
            officials | role       | 'roles:\\n  - zzz: 1'
            officials | person     | 'people:\\n  - zzz: 1'
            officials | formerName | 'people:\\n  - formerNames:\\n      - zzz: 1'
            officials | term       | 'terms:\\n  - zzz: 1'
            sessions  | (top)      | 'zzz: 1'
            sessions  | city       | 'cities:\\n  - zzz: 1'
            sessions  | session    | 'sessions:\\n  - zzz: 1'
            """)
    void schemaListsTheKeysTheLoaderAccepts(String file, String kind, String yaml) throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/kb/mini"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve(file + ".yaml"), yaml.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        Set<KbPart> parts =
                file.equals("kb") ? Set.of() : Set.of(KbPart.valueOf(file.toUpperCase(java.util.Locale.ROOT)));
        List<String> listed = new ArrayList<>();
        for (Problem p : KbLoader.validate(KbFiles.directory(dir), parts)) {
            int at = p.message().indexOf("valid keys: ");
            if (p.message().startsWith("unknown key 'zzz'") && at > 0) {
                listed.addAll(Arrays.asList(p.message().substring(at + 12).split(", ")));
            }
        }
        assertThat(listed).as("the loader's message listing valid keys").isNotEmpty();
        JsonNode schema = schema(file);
        JsonNode properties = kind.equals("(top)")
                ? schema.get("properties")
                : kind.equals("(source)")
                        ? schema.at("/properties/sources/additionalProperties/properties")
                        : schema.at("/$defs/" + kind + "/properties");
        Set<String> inSchema = new TreeSet<>();
        properties.fieldNames().forEachRemaining(inSchema::add);
        assertThat(new TreeSet<>(listed)).isEqualTo(inSchema);
    }
}
