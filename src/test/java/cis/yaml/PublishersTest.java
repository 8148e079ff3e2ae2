package cis.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import cis.model.KbPart;
import cis.model.Problem;
import cis.model.Publisher;
import cis.model.State;
import cis.store.KbFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source is a publisher's own page: a KB with a publishers catalogue cites only hosts in it. */
class PublishersTest {
    static final String META = """
            version: "p1"
            reviewed: 2026-11-30
            publishers:
              example.org: {name: Example News, kind: news-agency}
              kremlin.ru: {name: President of Russia, kind: official}
              en.wikipedia.org: {name: Wikipedia, kind: encyclopedia}
              web.archive.org: {name: Internet Archive, kind: archive}
            sources:
              S:
                url: http://en.kremlin.ru/events/president/news/1
                title: A Kremlin page
                archive: https://web.archive.org/web/2024/http://en.kremlin.ru/events/president/news/1
            """;

    @TempDir
    Path dir;

    List<String> problems(String statesYaml) throws Exception {
        Files.writeString(dir.resolve("kb.yaml"), META, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("states.yaml"), statesYaml, StandardCharsets.UTF_8);
        return KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)).stream()
                .map(Problem::toString)
                .map(p -> p.substring(dir.toString().length() + 1))
                .toList();
    }

    static String state(String periodSources, String periodExtra, String eventSources) {
        return "states:\n"
                + "  - id: x\n    name: X\n    officialName: X\n    iso2: XX\n    iso3: XXX\n    capital: Y\n"
                + "    sources: [S]\n"
                + "    statuses:\n      - status: member\n        from: 1992-01-01\n" + periodExtra
                + "        sources: " + periodSources + "\n"
                + "    events:\n      - date: 1992-01-01\n        kind: other\n        text: T\n"
                + "        sources: " + eventSources + "\n";
    }

    @Test
    void hostsInTheCatalogueAndTheirSubdomainsAreFine() throws Exception {
        assertThat(problems(state("[https://example.org/a, https://news.example.org/b]", "", "[S]")))
                .isEmpty();
        State x = KbLoader.load(KbFiles.directory(dir), Set.of(KbPart.STATES))
                .states()
                .all()
                .get(0);
        assertThat(x.periods().get(0).sources().get(1).publisher())
                .contains(new Publisher("Example News", Publisher.Kind.NEWS_AGENCY));
        assertThat(x.events().get(0).sources().get(0).archive()).isPresent();
    }

    @Test
    void aHostNotInTheCatalogueIsAProblem() throws Exception {
        assertThat(problems(state("[https://wikimili.com/en/CIS]", "", "[S]")))
                .singleElement()
                .asString()
                .contains("'wikimili.com' is not in the publishers catalogue of kb.yaml");
    }

    @Test
    void anArchiveCopyIsNotTheSourceButGoesBesideIt() throws Exception {
        assertThat(problems(state("[https://web.archive.org/web/2020/https://example.org/a]", "", "[S]")))
                .singleElement()
                .asString()
                .contains("is an archive copy: cite the original page's URL");
    }

    @Test
    void aDateRestingOnlyOnAnEncyclopediaMustSaySo() throws Exception {
        String wiki = "[https://en.wikipedia.org/wiki/X]";
        assertThat(problems(state(wiki, "", "[S]")))
                .singleElement()
                .asString()
                .contains("a status period rests only on an encyclopedia");
        assertThat(problems(
                        state(wiki, "        uncertain: true\n        note: Only Wikipedia gives the day.\n", "[S]")))
                .isEmpty();
        assertThat(problems(state("[S]", "", wiki)))
                .singleElement()
                .asString()
                .contains("an event rests only on an encyclopedia");
        assertThat(problems(state("[S, https://en.wikipedia.org/wiki/X]", "", "[S]")))
                .isEmpty();
    }

    @Test
    void aKbWithoutACatalogueIsNotChecked() throws Exception {
        Files.writeString(dir.resolve("kb.yaml"), "version: \"p\"\nreviewed: 2026-11-30\n", StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("states.yaml"),
                state("[https://wikimili.com/x]", "", "[https://a.example/b]").replace("[S]", "[https://c.example/d]"),
                StandardCharsets.UTF_8);
        assertThat(KbLoader.validate(KbFiles.directory(dir), Set.of(KbPart.STATES)))
                .isEmpty();
    }

    @Test
    void sourcesCardsNameThePublisher() throws Exception {
        assertThat(problems(state("[https://example.org/a, S]", "", "[S]"))).isEmpty();
        TestRun.Result r =
                TestRun.terminal().run("status", "X", "--sources", "--data", dir.toString(), "--color", "never");
        assertThat(r.out())
                .contains("https://example.org/a\n")
                .contains("Example News")
                .contains("archived:")
                .contains("https://web.archive.org/web/2024/");
    }
}
