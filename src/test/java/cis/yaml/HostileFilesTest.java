package cis.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.KbPart;
import cis.model.Problem;
import cis.store.KbFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files that could hang, exhaust or crash a loader end as one clear problem, in bounded time. */
class HostileFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void meta() throws IOException {
        Files.writeString(dir.resolve("kb.yaml"), "version: x\nreviewed: 2026-01-01\n");
    }

    private List<String> problems(String states) throws IOException {
        Files.writeString(dir.resolve("states.yaml"), states, StandardCharsets.UTF_8);
        return problems();
    }

    private List<String> problems() {
        return KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)).stream()
                .map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1))
                .toList();
    }

    @Test
    @Timeout(10)
    void billionLaughsAliasBombIsRefusedAtTheFirstAlias() throws IOException {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append("]\n");
        }
        assertThat(problems(bomb.toString()))
                .containsExactly("states.yaml:2:8: YAML aliases (*a) are not supported; write the value out");
    }

    @Test
    @Timeout(10)
    void veryDeepNestingIsRefused() throws IOException {
        String deep = "states: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertThat(problems(deep)).singleElement().asString().contains("nesting deeper than 64 levels");
    }

    @Test
    @Timeout(30)
    void aFiftyMegabyteFileIsRefusedWithoutBeingParsed() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("states.yaml"))) {
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertThat(problems())
                .containsExactly("states.yaml:1:1: file is larger than 48 MiB, the most a knowledge-base file may be");
    }

    @Test
    void aSymlinkLoopIsAReadError() throws IOException {
        Files.createSymbolicLink(dir.resolve("states.yaml"), dir.resolve("loop.yaml"));
        Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("states.yaml"));
        assertThat(problems()).singleElement().asString().startsWith("states.yaml:1:1: cannot read: ");
    }

    @Test
    void anUnreadableFileIsAPermissionProblem() {
        // Tests run as root on CI, where chmod 000 does not stop reading: a source that is refused stands in.
        KbInput refused = new KbInput() {
            @Override
            public String displayName(String file) {
                return "locked/" + file;
            }

            @Override
            public String describe() {
                return "locked";
            }

            @Override
            public byte[] read(String file) throws IOException {
                throw new java.nio.file.AccessDeniedException(file);
            }
        };
        assertThat(KbLoader.validate(refused, Set.of(KbPart.STATES)))
                .extracting(Problem::toString)
                .containsExactly("locked/kb.yaml:1:1: permission denied", "locked/states.yaml:1:1: permission denied");
    }

    @Test
    void aDirectoryWhereAFileShouldBeIsAReadError() throws IOException {
        Files.createDirectory(dir.resolve("states.yaml"));
        assertThat(problems()).singleElement().asString().startsWith("states.yaml:1:1: cannot read");
    }

    @Test
    void aScalarOrAListAtTheTopIsAProblem() throws IOException {
        assertThat(problems("just text\n"))
                .containsExactly("states.yaml:1:1: expected the file's top level (a mapping) but found text");
        assertThat(problems("- a\n- b\n"))
                .containsExactly("states.yaml:1:1: expected the file's top level (a mapping) but found a list");
    }

    @Test
    void twoDocumentsInOneFileAreAProblem() throws IOException {
        assertThat(problems("states: []\n---\nstates: []\n"))
                .contains("states.yaml:3:1: more than one YAML document; keep one per file");
    }

    @Test
    void parsingTimeStaysBoundedForALargeButLegalFile() throws IOException {
        StringBuilder b = new StringBuilder("states:\n");
        for (int i = 0; i < 20000; i++) {
            b.append("  - id: s").append(i).append("\n");
        }
        long start = System.nanoTime();
        assertThat(problems(b.toString())).isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(60)); // a hang guard, not a benchmark
    }
}
