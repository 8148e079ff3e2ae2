package cis.store;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache as a user meets it: invisible, except that --verbose says why it was not used. */
class CacheThroughTheCliTest {
    @TempDir
    Path home;

    @TempDir
    Path tmp;

    private TestRun.Result run(Path kb, String... args) {
        return TestRun.piped()
                .env("HOME", home.toString())
                .env("CIS_DATA", kb.toString())
                .run(args);
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve(".cache/cis/kb"))) {
            return files.filter(p -> p.toString().endsWith(".kb")).toList();
        }
    }

    @Test
    void aDamagedEntryIsRebuiltSilentlyAndVerboseSaysWhy() throws Exception {
        Path kb = KbStoreTest.copyData(tmp.resolve("kb"));
        TestRun.Result first = run(kb, "status", "Armenia", "--history", "--json");
        assertThat(first.exitCode()).isZero();
        assertThat(entries()).hasSize(1);
        assertThat(run(kb, "status", "Armenia", "--history", "--json")).isEqualTo(first);

        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[100] ^= 1;
        Files.write(entry, bytes);
        assertThat(run(kb, "status", "Armenia", "--history", "--json")).isEqualTo(first);

        Files.write(entry, bytes);
        TestRun.Result verbose = run(kb, "status", "Armenia", "--history", "--json", "--verbose");
        assertThat(verbose.out()).isEqualTo(first.out());
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.err()).startsWith("cis: cache entry ").contains("discarded (checksum mismatch)");
    }

    @Test
    void aCommandReadsOnlyTheFilesItNeedsAndEachPartSetHasItsEntry() throws Exception {
        Path kb = KbStoreTest.copyData(tmp.resolve("kb"));
        Files.writeString(kb.resolve("sessions.yaml"), "sessions: [", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run(kb, "status", "Russia").exitCode()).isZero();
        assertThat(run(kb, "officials", "--role", "executive-secretary").exitCode())
                .isZero();
        assertThat(entries()).hasSize(2);
        TestRun.Result broken = run(kb, "sessions");
        assertThat(broken.exitCode()).isEqualTo(4);
        assertThat(broken.err()).contains("sessions.yaml:1:12: YAML syntax");
    }
}
