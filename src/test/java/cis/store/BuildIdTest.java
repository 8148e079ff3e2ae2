package cis.store;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.KnowledgeBase;
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
        assertThat(shapes)
                .contains("cis.model.State id:java.lang.String name:java.lang.String")
                .contains("cis.model.Term person:cis.model.Person")
                .contains("cis.model.Session$Status HELD SCHEDULED POSTPONED CANCELLED")
                .contains("cis.model.Person$FormerName name:java.lang.String")
                .contains("cis.model.StatusPeriod status:cis.model.Status")
                .contains("cis.model.Status MEMBER");
    }

    @Test
    void aBuildIdIsTwoDigests() {
        assertThat(BuildId.parse("build " + "a".repeat(64) + "\nformat " + "b".repeat(64) + "\n"))
                .contains(new BuildId("a".repeat(64), "b".repeat(64)));
        assertThat(BuildId.parse("build xyz\nformat " + "b".repeat(64))).isEmpty();
        assertThat(BuildId.parse("")).isEmpty();
    }
}
