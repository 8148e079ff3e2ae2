package cis.bench;

import cis.model.KbException;
import cis.model.KbPart;
import cis.model.KbSource;
import cis.model.KnowledgeBase;
import cis.model.Status;
import cis.query.StateStatus;
import cis.query.StatusQuery;
import cis.yaml.KbLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** How the cost of loading and querying the KB grows with its size (1×, 10×, 100×, 1000×). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KbBenchmark {
    @Param({"1", "10", "100", "1000"})
    int factor;

    private KbSource source;
    private KnowledgeBase kb;
    private final LocalDate day = LocalDate.of(2026, 12, 1);

    @Setup
    public void setUp() throws IOException, KbException {
        Path dir = Files.createTempDirectory("cis-kb-" + factor + "x-");
        SyntheticKb.write(Path.of("data"), dir, factor);
        source = KbSource.directory(dir);
        kb = KbLoader.load(source, EnumSet.of(KbPart.STATES));
    }

    @Benchmark
    public KnowledgeBase loadStates() throws KbException {
        return KbLoader.load(source, EnumSet.of(KbPart.STATES));
    }

    @Benchmark
    public StateStatus statusOfOneState() {
        return StatusQuery.of(kb.states().names().find("Turkmenistan").orElseThrow(), day);
    }

    @Benchmark
    public List<StateStatus> allStatesOnADay() {
        return StatusQuery.all(kb, day, Set.<Status>of());
    }
}
