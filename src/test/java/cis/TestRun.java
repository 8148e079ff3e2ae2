package cis;

import cis.cli.CliContext;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process through {@link Main#run} with a fixed clock and captured streams. */
public final class TestRun {
    /** The day every CLI test lives on. */
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private int width = 80;
    private int height;
    private String stdin = "";
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public record Result(int exitCode, String out, String err) {}

    public static TestRun piped() {
        return new TestRun();
    }

    public static TestRun terminal() {
        TestRun r = new TestRun();
        r.terminal = true;
        return r;
    }

    public TestRun env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** A terminal this many rows high, so that a long answer goes to the pager. */
    public TestRun height(int rows) {
        this.height = rows;
        return this;
    }

    public TestRun width(int columns) {
        this.width = columns;
        return this;
    }

    /** Another clock (an instant and the zone that makes it a local date). */
    public TestRun clock(Clock c) {
        this.clock = c;
        return this;
    }

    public TestRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                env,
                clock,
                terminal,
                width,
                false,
                height);
        int code = Main.run(args, ctx);
        return new Result(code, out.toString(), err.toString());
    }
}
