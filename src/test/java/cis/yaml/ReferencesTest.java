package cis.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import cis.store.KbFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** officials.yaml and sessions.yaml: dangling references, overlapping terms, impossible dates. */
class ReferencesTest {
    static final Path MINI = Path.of("src/test/resources/kb/mini");

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixture() throws IOException {
        try (var files = Files.list(MINI)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    private List<String> problemsAfter(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).as("fixture %s contains %s", file, from).contains(from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
        return KbLoader.validate(KbFiles.directory(dir)).stream()
                .map(pr -> pr.location().file().substring(dir.toString().length() + 1) + ":"
                        + pr.location().line() + ":" + pr.location().column() + ": " + pr.message())
                .toList();
    }

    @Test
    void theFixtureIsValid() {
        assertThat(KbLoader.validate(KbFiles.directory(dir))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            term names an unknown body   | officials.yaml | 'body: foreign-ministers' | 'body: foreign-minsters' | officials.yaml:31:11: unknown body 'foreign-minsters'; did you mean 'foreign-ministers'?
            term names an unknown state  | officials.yaml | 'state: tajikistan'        | 'state: narnia'          | officials.yaml:32:12: unknown state 'narnia'
            term names an unknown person | officials.yaml | 'person: first-head'       | 'person: third-head'     | officials.yaml:18:13: unknown person 'third-head'
            overlapping single-holder    | officials.yaml | 'from: 2005-01-01'         | 'from: 2004-06-01'       | officials.yaml:24:5: overlaps the term of First Head (2000-01-01 to 2005-01-01, line 18); executive-secretary of executive-committee has one holder at a time
            term runs backwards          | officials.yaml | 'to: 2005-01-01'           | 'to: 1999-01-01'         | officials.yaml:18:5: term runs backwards: 'to' 1999-01-01 is not after 'from' 2000-01-01
            minister without a state     | officials.yaml | '    state: tajikistan\\n' | ''                       | officials.yaml:29:5: a foreign-minister term needs a 'state': the office has one holder per state
            session with unknown city    | sessions.yaml  | 'city: dushanbe'           | 'city: dushambe'         | sessions.yaml:9:11: unknown city 'dushambe'; did you mean 'dushanbe'?
            session with unknown country | sessions.yaml  | 'country: tajikistan'      | 'country: tadjikistan'   | sessions.yaml:10:14: unknown state 'tadjikistan'; did you mean 'tajikistan'?
            session with unknown body    | sessions.yaml  | 'body: foreign-ministers'  | 'body: parliament'       | sessions.yaml:7:11: unknown body 'parliament'
            session on an impossible day | sessions.yaml  | 'date: 2022-05-13'         | 'date: 2022-02-30'       | sessions.yaml:8:11: 'date': '2022-02-30' is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)
            session ends before it starts| sessions.yaml  | 'date: 2022-05-13'         | 'date: 2022-05-13\\n    end: 2022-05-12' | sessions.yaml:7:5: 'end' 2022-05-12 must be a day after 'date' 2022-05-13 (and 'date' a full date)
            city in another state        | sessions.yaml  | 'state: tajikistan'        | 'state: narnia'          | sessions.yaml:5:12: unknown state 'narnia'
            unknown participant          | sessions.yaml  | 'participants: [tajikistan]' | 'participants: [tajikistan, atlantis]' | sessions.yaml:13:32: unknown state 'atlantis'
            unknown session kind         | sessions.yaml  | 'kind: regular'            | 'kind: summit'           | sessions.yaml:11:11: 'kind': 'summit' is not one of: regular, informal, extraordinary, joint, video, founding, narrow
            """)
    void brokenReferenceIsReportedWhereItIsWritten(String name, String file, String from, String to, String expected)
            throws IOException {
        assertThat(problemsAfter(file, from.replace("\\n", "\n"), to.replace("\\n", "\n")))
                .contains(expected);
    }

    @Test
    void aFileThatFailsToParseIsReportedFirstAndItsEntriesAreNotCheckedAgainst(
            @org.junit.jupiter.api.io.TempDir Path kb) throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("data"))) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.copy(f, kb.resolve(f.getFileName()));
            }
        }
        java.nio.file.Files.writeString(
                kb.resolve("states.yaml"), "\tbad: [\n", java.nio.file.StandardOpenOption.APPEND);
        List<cis.model.Problem> problems = cis.store.KbStore.withoutCache()
                .validate(java.util.Optional.of(kb), java.util.EnumSet.allOf(cis.model.KbPart.class));
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).location().file()).endsWith("states.yaml");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotStartWith("unknown state"));
        assertThat(problems).hasSizeLessThan(3);

        java.nio.file.Files.writeString(kb.resolve("kb.yaml"), "version: [\n");
        assertThat(cis.store.KbStore.withoutCache()
                        .validate(java.util.Optional.of(kb), java.util.EnumSet.allOf(cis.model.KbPart.class)))
                .noneSatisfy(p -> assertThat(p.message()).startsWith("unknown source id"));
    }

    @Test
    void aFileMayCiteOnlyTheSourceIdsOfKbYamlAndItsOwn(@org.junit.jupiter.api.io.TempDir Path kb) throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("src/test/resources/kb/mini"))) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, kb.resolve(f.getFileName()));
            }
        }
        java.nio.file.Path officials = kb.resolve("officials.yaml");
        java.nio.file.Files.writeString(
                officials,
                "sources:\n  OFFCAT:\n    url: https://example.org/off\n" + java.nio.file.Files.readString(officials));
        java.nio.file.Path sessions = kb.resolve("sessions.yaml");
        String text = java.nio.file.Files.readString(sessions);
        java.nio.file.Files.writeString(sessions, text.replaceFirst("sources: \\[[^]]*\\]", "sources: [OFFCAT]"));
        assertThat(cis.store.KbStore.withoutCache()
                        .validate(java.util.Optional.of(kb), java.util.EnumSet.allOf(cis.model.KbPart.class)))
                .extracting(cis.model.Problem::message)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("source id 'OFFCAT' is defined in ")
                        .contains("officials.yaml"));
    }
}
