package cis.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cis.model.KbException;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Problem;
import cis.model.Source;
import cis.model.State;
import cis.model.Status;
import cis.model.StatusPeriod;
import cis.store.KbFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KbLoaderTest {
    static final String META = """
            version: "t1"
            reviewed: 2026-11-30
            sources:
              S:
                url: https://example.org/source
            """;

    /** A valid states.yaml; each broken case below changes one thing in it. */
    static final String STATES = """
            states:
              - id: georgia
                name: Georgia
                officialName: Georgia
                iso2: GE
                iso3: GEO
                capital: Tbilisi
                aliases: [Sakartvelo, Грузия]
                sources: [S]
                statuses:
                  - status: non-member
                    from: 1991-12-08
                    to: 1993-12-03
                    sources: [S]
                  - status: member
                    from: 1993-12-03
                    to: 2009-08-18
                    sources: [S]
                  - status: former-member
                    from: 2009-08-18
                    sources: [https://example.org/withdrawal]
                conditions:
                  - kind: withdrawal-pending
                    from: 2008-08-18
                    to: 2009-08-18
                    text: Notice given.
                    sources: [S]
                events:
                  - date: 2009-08-18
                    kind: withdrawal-effective
                    text: Left.
                    sources: [S]
                  - date: 1993-12
                    kind: accession
                    text: Joined.
                    sources: [S]
            """;

    @TempDir
    Path dir;

    private List<Problem> problems(String states) throws IOException {
        Files.writeString(dir.resolve("kb.yaml"), META, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("states.yaml"), states, StandardCharsets.UTF_8);
        return KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES));
    }

    private List<String> messages(String states) throws IOException {
        return problems(states).stream()
                .map(p -> p.location().line() + ":" + p.location().column() + ": " + p.message())
                .toList();
    }

    @Test
    void loadsTheValidFixtureIntoRecords() throws Exception {
        assertThat(problems(STATES)).isEmpty();
        KnowledgeBase kb = KbLoader.load(KbFiles.directory(dir), Set.of(KbPart.STATES));
        State g = kb.states().all().get(0);
        assertThat(g.periods())
                .extracting(StatusPeriod::status)
                .containsExactly(Status.NON_MEMBER, Status.MEMBER, Status.FORMER_MEMBER);
        assertThat(g.periods().get(1).to()).contains(LocalDate.of(2009, 8, 18));
        assertThat(g.events()).extracting(e -> e.date().toString()).containsExactly("1993-12", "2009-08-18");
        assertThat(g.periods().get(2).sources())
                .extracting(Source::url)
                .containsExactly("https://example.org/withdrawal");
        assertThat(kb.meta().reviewed()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(kb.states().names().find("грузия")).contains(g);
    }

    @Test
    void recordsAreImmutable() throws Exception {
        problems(STATES);
        State g = KbLoader.load(KbFiles.directory(dir), Set.of(KbPart.STATES))
                .states()
                .all()
                .get(0);
        assertThatThrownBy(() -> g.periods().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.aliases().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key               | 'capital: Tbilisi'          | 'capitol: Tbilisi'        | 7:5: unknown key 'capitol' in a state; did you mean 'capital'?
            duplicate key             | 'iso3: GEO'                 | 'iso3: GEO\\n    iso2: GG' | 7:5: duplicate key 'iso2' (first at line 5)
            wrong type                | 'iso2: GE'                  | 'iso2: [GE]'              | 5:11: 'iso2' should be a single value but is a list
            number for text           | 'capital: Tbilisi'          | 'capital: 12'             | 7:14: 'capital': expected text but found a whole number (12); put it in quotes
            impossible date           | 'to: 1993-12-03'            | 'to: 1993-02-30'          | 13:13: 'to': '1993-02-30' is not a valid date (YYYY-MM-DD)
            period runs backwards     | 'to: 2009-08-18\\n        sources: [S]\\n      - status: former' | 'to: 1993-01-01\\n        sources: [S]\\n      - status: former' | 15:9: period runs backwards: 'to' 1993-01-01 is not after 'from' 1993-12-03
            overlap                   | 'from: 2009-08-18'          | 'from: 2009-01-01'        | 19:9: overlaps the previous period (member 1993-12-03 to 2009-08-18); periods must be in order and not overlap
            gap                       | 'from: 2009-08-18\\n        sources: [https' | 'from: 2009-09-01\\n        sources: [https' | 19:9: gap between 2009-08-18 (end of the previous period) and 2009-09-01; each period's 'from' must equal the previous one's 'to'
            unknown status            | 'status: member'            | 'status: membre'          | 15:17: 'status': 'membre' is not one of: member, associate-member, founding-state, former-member, non-member, observer
            unknown source id         | 'aliases: [Sakartvelo, Грузия]\\n    sources: [S]' | 'aliases: [Sakartvelo, Грузия]\\n    sources: [T]' | 9:15: unknown source id 'T'; define it under 'sources' in kb.yaml or give a URL
            not a URL                 | 'sources: [https://example.org/withdrawal]' | 'sources: [ftp://example.org/x]' | 21:19: source: 'ftp://example.org/x' is not an http(s) URL
            missing sources           | '    sources: [https://example.org/withdrawal]\\n' | '\\n' | 19:9: a status period is missing 'sources'
            empty sources             | 'sources: [https://example.org/withdrawal]' | 'sources: []' | 19:9: every fact needs at least one source
            control character         | 'text: Notice given.'       | 'text: "Notice \\e[31m given."' | 26:15: 'text': contains control character U+001B at position 8
            alias                     | 'capital: Tbilisi'          | 'capital: &c Tbilisi\\n    nick: *c' | 8:11: YAML aliases (*c) are not supported; write the value out
            tabs                      | '    iso2: GE'              | '\\tiso2: GE'              | 5:1: YAML syntax: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)
            bad id                    | 'id: georgia'               | 'id: Georgia!'            | 2:9: 'id': 'Georgia!' is not a lower-case id such as 'kyrgyzstan'
            last period closed        | 'from: 2009-08-18\\n        sources: [https://example.org/withdrawal]' | 'from: 2009-08-18\\n        to: 2010-01-01\\n        sources: [https://example.org/withdrawal]' | 19:9: the last period must have no 'to': a state always has some status
            """)
    void brokenStatesFileGivesProblemWithLocation(String name, String from, String to, String expected)
            throws IOException {
        String broken = STATES.replace(unescape(from), unescape(to));
        assertThat(broken).as("the case must change the fixture").isNotEqualTo(STATES);
        assertThat(messages(broken)).anySatisfy(m -> assertThat(m).startsWith(expected));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    @Test
    void aliasNamingTwoStatesIsAnError() throws IOException {
        String two = STATES
                + STATES.substring(STATES.indexOf("  - id:"))
                        .replace("id: georgia", "id: georgia-two")
                        .replace("name: Georgia", "name: Georgia Two")
                        .replace("officialName: Georgia", "officialName: Georgia Two")
                        .replace("GE\n", "GX\n")
                        .replace("GEO", "GXX")
                        .replace("[Sakartvelo, Грузия]", "[Грузия]");
        assertThat(messages(two))
                .anySatisfy(
                        m -> assertThat(m)
                                .isEqualTo(
                                        "43:15: the name 'Грузия' already belongs to Georgia (line 8); a name may lead to one state only"));
    }

    @Test
    void duplicateStateIdIsAnError() throws IOException {
        String two = STATES
                + STATES.substring(STATES.indexOf("  - id:"))
                        .replace("name: Georgia", "name: Georgia Two")
                        .replace("officialName: Georgia", "officialName: G2")
                        .replace("GE\n", "GX\n")
                        .replace("GEO", "GXX")
                        .replace("[Sakartvelo, Грузия]", "[]");
        assertThat(messages(two))
                .anySatisfy(m -> assertThat(m).endsWith("duplicate state id 'georgia' (first at line 2)"));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        String broken = STATES.replace("capital: Tbilisi", "capitol: Tbilisi").replace("iso2: GE", "iso2: G");
        assertThat(messages(broken)).hasSizeGreaterThanOrEqualTo(3); // unknown key, missing capital, bad code
    }

    @Test
    void loadFailureListsProblemsWithFileNames() throws IOException {
        problems(STATES.replace("from: 1993-12-03\n        to: 2009", "from: 1993-13-03\n        to: 2009"));
        assertThatThrownBy(() -> KbLoader.load(KbFiles.directory(dir), Set.of(KbPart.STATES)))
                .isInstanceOf(KbException.class)
                .satisfies(e -> assertThat(((KbException) e).problems())
                        .first()
                        .asString()
                        .startsWith(dir.resolve("states.yaml") + ":"));
    }

    @Test
    void emptyAndMissingFilesAreProblems() throws IOException {
        assertThat(messages("")).containsExactly("1:1: file is empty; expected a YAML mapping");
        Files.delete(dir.resolve("states.yaml"));
        assertThat(KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)))
                .extracting(Problem::message)
                .containsExactly("file not found");
    }

    @Test
    void invalidUtf8IsAProblem() throws IOException {
        Files.writeString(dir.resolve("kb.yaml"), META, StandardCharsets.UTF_8);
        Files.write(dir.resolve("states.yaml"), new byte[] {'s', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThat(KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)))
                .extracting(Problem::message)
                .containsExactly("file is not valid UTF-8; save it as UTF-8");
    }

    @Test
    void byteOrderMarkIsAccepted() throws IOException {
        assertThat(problems("\uFEFF" + STATES)).isEmpty();
    }

    @Test
    void bundledKnowledgeBaseIsValid() {
        assertThat(KbLoader.validate(KbFiles.bundled(), Set.of(KbPart.STATES))).isEmpty();
    }
}
