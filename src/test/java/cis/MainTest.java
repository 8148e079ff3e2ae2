package cis;

import static org.assertj.core.api.Assertions.assertThat;

import cis.cli.CliContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process around the commands: errors caught at the top, stdout failures told apart by cause. */
class MainTest {
    /** An output whose reader has gone, reported as a German C library would word it. */
    static final class Gone extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Datenübergabe unterbrochen (broken pipe)");
        }
    }

    @Test
    void aReaderThatWentAwayIsToldByThePipeNotByTheMessage() throws IOException {
        for (boolean pipe : new boolean[] {true, false}) {
            Main.StdoutWatch watch = new Main.StdoutWatch(new Gone(), () -> pipe);
            try {
                watch.write("data".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException expected) {
                // the command sees the failure and stops
            }
            StringWriter err = new StringWriter();
            int code = watch.exitCode(0, new PrintWriter(err, true));
            if (pipe) {
                assertThat(code).isZero();
                assertThat(err.toString()).isEmpty();
            } else {
                assertThat(code).isEqualTo(5);
                assertThat(err.toString()).startsWith("cis: cannot write the output: ");
            }
        }
    }

    @Test
    void anErrorAnywhereIsOneLineAndExit5NeverATraceNeverExit1() {
        InputStream exhausted = new InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("Java heap space (a test)");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new OutOfMemoryError("Java heap space (a test)");
            }
        };
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                exhausted,
                Map.of(),
                Clock.fixed(TestRun.NOW, java.time.ZoneOffset.UTC),
                false,
                80);
        int code = Main.run(new String[] {"status", "-", "--is", "member"}, ctx);
        assertThat(code).isEqualTo(5);
        assertThat(err.toString())
                .startsWith("cis: internal error: java.lang.OutOfMemoryError: Java heap space (a test)\n")
                .doesNotContain("\tat ");

        StringWriter verbose = new StringWriter();
        ctx = ctx.withOutput(ctx.out(), new PrintWriter(verbose), false, 80);
        assertThat(Main.run(new String[] {"status", "-", "--verbose"}, ctx)).isEqualTo(5);
        assertThat(verbose.toString()).contains("\tat ");
    }
}
