package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.index.ScreeningResult;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matching engine over the full bundled lists (CSL 2022 + SDN 2024), on one thread:
 * <ul>
 *   <li>{@code engineScreen}: one party screened at the default threshold, as the service does it;</li>
 *   <li>{@code naiveBaseline}: the same party through {@link NaiveScreener}, brute force over every list name;</li>
 *   <li>{@code indexBuild}: building the engine from the parsed entries, until its background warm-up is done.</li>
 * </ul>
 * Each call screens the next query of a fixed {@link QueryPool}, so the samples (p50, p99, p99.9) spread over
 * list names, their variants and people on no list.
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class ScreeningBenchmark {

    /** The synthetic negatives, relative to the directory the benchmark runs in (the repository root). */
    @Param(QueryPool.NEGATIVES)
    public String negatives;

    @Param("" + QueryPool.DEFAULT_SIZE)
    public int poolSize;

    private final EngineSettings settings = EngineSettings.defaults();
    private List<Entry> entries;
    private ScreeningEngine engine;
    private NaiveScreener naive;
    private PartyQuery[] queries;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        entries = BundledLists.load();
        engine = ScreeningEngine.build(entries, settings);
        engine.warmUp().join();
        naive = NaiveScreener.overBundledFiles();
        queries = QueryPool.build(entries, Path.of(negatives), poolSize).toArray(PartyQuery[]::new);
        System.out.printf("%n%d entries, %d names in the engine, %d names for the naive screener, %d queries%n",
                engine.entryCount(), engine.nameCount(), naive.nameCount(), queries.length);
    }

    private PartyQuery nextQuery() {
        PartyQuery query = queries[next];
        next = next + 1 == queries.length ? 0 : next + 1;
        return query;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ScreeningResult engineScreen() {
        return engine.screen(nextQuery(), settings.defaultThreshold(), ScreeningEngine.DEFAULT_LIMIT);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Map<String, Double> naiveBaseline() {
        return naive.screen(nextQuery().name(), settings.defaultThreshold());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ScreeningEngine indexBuild() {
        ScreeningEngine built = ScreeningEngine.build(entries, settings);
        built.warmUp().join();
        return built;
    }
}
