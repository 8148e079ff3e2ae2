package cis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The jar's entry point refuses a Java older than 17 with exit code 5 and a message, never 1. */
class LaunchTest {
    @Test
    void readsTheFeatureReleaseOfEverySpellingOfTheVersion() {
        assertThat(Launch.feature("1.8")).isEqualTo(8);
        assertThat(Launch.feature("9")).isEqualTo(9);
        assertThat(Launch.feature("11")).isEqualTo(11);
        assertThat(Launch.feature("17")).isEqualTo(17);
        assertThat(Launch.feature("25")).isEqualTo(25);
        assertThat(Launch.feature("")).isZero();
        assertThat(Launch.feature("x")).isZero();
    }

    @Test
    void anOldJavaIsRefusedWithExitCode5AndWhatToDo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launch.check("11", "/usr/lib/jvm/java-11", new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(5);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cis: needs Java 17 or newer, but /usr/lib/jvm/java-11 is Java 11; install a JDK 17 or"
                        + " newer, or set JAVA_HOME to one" + System.lineSeparator());
    }

    @Test
    void java17AndNewerRun() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String v : new String[] {"17", "21", "25"}) {
            assertThat(Launch.check(v, "/jdk", new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .isZero();
        }
        assertThat(err.size()).isZero();
    }
}
