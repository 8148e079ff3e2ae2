package cis.kb.compact;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's KB is parsed once, cached, and parsed again as soon as a file changes. */
class CompactCacheTest {
    @TempDir
    Path home;
    @TempDir
    Path kb;

    private TestRun.Result run(String... args) {
        return TestRun.piped().env("HOME", home.toString()).env("CIS_DATA", kb.toString()).run(args);
    }

    @Test
    void secondRunReadsTheCacheAndAnEditInvalidatesIt() throws Exception {
        try (var files = Files.list(Path.of("data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, kb.resolve(f.getFileName()));
            }
        }
        TestRun.Result first = run("status", "Turkmenistan");
        assertThat(first.exitCode()).isZero();
        Path cacheDir = home.resolve(".cache/cis/kb");
        assertThat(Files.list(cacheDir).filter(p -> p.toString().endsWith(".bin"))).hasSize(1);
        assertThat(run("status", "Turkmenistan").out()).isEqualTo(first.out());

        Path states = kb.resolve("states.yaml");
        Files.writeString(states, Files.readString(states, StandardCharsets.UTF_8)
                .replace("capital: Ashgabat", "capital: Ashgabat City"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(states, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(run("status", "Turkmenistan", "--json").out()).isNotEqualTo(first.out());
        assertThat(run("status", "Turkmenistan", "--format", "table").out()).contains("Ashgabat City");

        Files.writeString(states, "states: [", StandardCharsets.UTF_8); // broken: the cache must not hide it
        Files.setLastModifiedTime(states, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(run("status", "Turkmenistan").exitCode()).isEqualTo(4);
    }

    @Test
    void offSwitchAndNoHomeMeanNoCache() throws Exception {
        try (var files = Files.list(Path.of("data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, kb.resolve(f.getFileName()));
            }
        }
        assertThat(TestRun.piped().env("HOME", home.toString()).env("CIS_KB_CACHE", "off")
                .run("states", "--data", kb.toString()).exitCode()).isZero();
        assertThat(home.resolve(".cache")).doesNotExist();
    }
}
