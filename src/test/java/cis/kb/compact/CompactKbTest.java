package cis.kb.compact;

import static org.assertj.core.api.Assertions.assertThat;

import cis.kb.KbPart;
import cis.kb.KbSource;
import cis.kb.KnowledgeBase;
import cis.kb.load.KbLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The pre-parsed KB in the jar holds exactly what the YAML in data/ says. */
class CompactKbTest {
    static void assertSame(KnowledgeBase actual, KnowledgeBase expected) {
        assertThat(actual.meta()).isEqualTo(expected.meta());
        assertThat(actual.states().all()).isEqualTo(expected.states().all());
        assertThat(actual.bodies().all()).isEqualTo(expected.bodies().all());
        assertThat(actual.officials().roles().all()).isEqualTo(expected.officials().roles().all());
        assertThat(actual.officials().people().all()).isEqualTo(expected.officials().people().all());
        assertThat(actual.officials().terms()).isEqualTo(expected.officials().terms());
        assertThat(actual.sessions().cities().all()).isEqualTo(expected.sessions().cities().all());
        assertThat(actual.sessions().all()).isEqualTo(expected.sessions().all());
        // the name indexes travel pre-normalized: they must lead every name to the same entry
        assertThat(actual.states().names().keys()).isEqualTo(expected.states().names().keys());
        if (expected.parts().contains(cis.kb.KbPart.OFFICIALS)) {
            assertThat(actual.officials().people().names().keys()).isEqualTo(expected.officials().people().names().keys());
            assertThat(actual.officials().roles().names().keys()).isEqualTo(expected.officials().roles().names().keys());
            assertThat(actual.bodies().names().keys()).isEqualTo(expected.bodies().names().keys());
            assertThat(actual.sessions().cities().names().keys()).isEqualTo(expected.sessions().cities().names().keys());
        }
    }

    @Test
    void bundledCompactFormMatchesTheYaml() throws Exception {
        KnowledgeBase yaml = KbLoader.loadYaml(KbSource.directory(Path.of("data")), EnumSet.allOf(KbPart.class));
        KnowledgeBase compact = CompactKb.bundled(EnumSet.allOf(KbPart.class)).orElseThrow(() -> new AssertionError(
                "target/classes/cis/kb/kb.bin is missing: the build's compact-kb step did not run"));
        assertSame(compact, yaml);
        assertThat(compact.states().names().find("Туркмения")).isEqualTo(yaml.states().names().find("Turkmenia"));
    }

    @Test
    void writeThenReadIsLossless() throws Exception {
        KnowledgeBase yaml = KbLoader.loadYaml(KbSource.directory(Path.of("data")), EnumSet.allOf(KbPart.class));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompactKb.write(yaml, bytes);
        assertSame(CompactKb.read(new ByteArrayInputStream(bytes.toByteArray())), yaml);
    }

    @Test
    void theBundledSourceLoadsTheCompactForm() throws Exception {
        KnowledgeBase kb = KbLoader.load(KbSource.bundled(), EnumSet.of(KbPart.STATES));
        assertThat(kb.parts()).containsExactly(KbPart.STATES);
        assertThat(kb.states().all()).hasSize(15);
        assertThat(kb.sessions().all()).isEmpty();
        KnowledgeBase sessions = KbLoader.load(KbSource.bundled(), EnumSet.of(KbPart.SESSIONS));
        assertThat(sessions.parts()).containsExactlyInAnyOrder(KbPart.STATES, KbPart.BODIES, KbPart.SESSIONS);
        assertThat(sessions.officials().terms()).isEmpty();
        assertThat(sessions.sessions().all()).isNotEmpty();
    }
}
