package cis.store;

import static org.assertj.core.api.Assertions.assertThat;

import cis.kb.KnowledgeBase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The build id and the format fingerprint are derived by the build, never written by hand. */
class BuildIdTest {
    @Test
    void theBuildWroteAnIdForThisCodeAndFormat() throws Exception {
        BuildId id = BuildId.current().orElseThrow(() -> new AssertionError("the build step did not run"));
        assertThat(id.format()).isEqualTo(BuildStep.formatFingerprint(Path.of("target/classes")));
        assertThat(id.build()).isEqualTo(BuildStep.buildDigest(Path.of("target/classes"), Path.of("pom.xml")));
    }

    @Test
    void theFingerprintCoversEveryRecordComponentAndEnumConstant() {
        String shapes = BuildStep.shapes(KnowledgeBase.class);
        assertThat(shapes).contains("cis.kb.State id:java.lang.String name:java.lang.String")
                .contains("cis.kb.Term person:cis.kb.Person")
                .contains("cis.kb.Session$Status HELD SCHEDULED POSTPONED CANCELLED")
                .contains("cis.kb.Person$FormerName name:java.lang.String")
                .contains("cis.kb.StatusPeriod status:cis.kb.Status")
                .contains("cis.kb.Status MEMBER");
    }

    @Test
    void aBuildIdIsTwoDigests() {
        assertThat(BuildId.parse("build " + "a".repeat(64) + "\nformat " + "b".repeat(64) + "\n"))
                .contains(new BuildId("a".repeat(64), "b".repeat(64)));
        assertThat(BuildId.parse("build xyz\nformat " + "b".repeat(64))).isEmpty();
        assertThat(BuildId.parse("")).isEmpty();
    }
}
