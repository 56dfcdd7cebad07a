package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.Match;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Does the engine return what the naive baseline returns, and does its candidate index return exactly what
 * its own full scorer returns? Screens every query of the {@link QueryPool}, reduced to its name because the
 * baseline sees names only, three ways at threshold T: the naive baseline, the engine's indexed search and the
 * engine's brute-force search. Prints the counts and every disagreement (the first few in full); exits 1 when
 * there is any.
 */
public final class BaselineAgreement {

    private static final String DEFAULT_OUT = "benchmarks/target/baseline-agreement.txt";
    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar io.tenantgate.benchmarks.BaselineAgreement [options]
              --threshold T     score from which the engine returns an entry (default: the engine's default, %s)
              --baseline-threshold B  score from which the naive baseline returns an entry (default: T)
              --queries N       how many queries of the pool to screen (default %d, the whole pool)
              --negatives FILE  synthetic negatives (default %s, relative to the repository root)
              --out FILE        where every disagreement is written (default %s)
            """.formatted(EngineSettings.DEFAULT_THRESHOLD, QueryPool.DEFAULT_SIZE, QueryPool.NEGATIVES, DEFAULT_OUT);
    private static final int SHOWN_PER_KIND = 15;

    private final ScreeningEngine engine;
    private final NaiveScreener naive;
    private final double threshold;
    private final double baselineThreshold;
    private final AtomicInteger baselineHits = new AtomicInteger();
    private final AtomicInteger baselineHitsEngineReturns = new AtomicInteger();
    private final AtomicInteger engineHits = new AtomicInteger();
    private final AtomicInteger queriesIndexEqualsBruteForce = new AtomicInteger();
    private final AtomicInteger screened = new AtomicInteger();
    private final AtomicInteger queriesFlaggedByBaseline = new AtomicInteger();
    private final AtomicInteger queriesFlaggedByEngine = new AtomicInteger();
    private final AtomicInteger queriesFlaggedByBaselineOnly = new AtomicInteger();
    private final AtomicInteger queriesOnNoList = new AtomicInteger();
    private final AtomicInteger onNoListFlaggedByBaseline = new AtomicInteger();
    private final AtomicInteger onNoListFlaggedByEngine = new AtomicInteger();
    private final AtomicInteger listed = new AtomicInteger();
    private final AtomicInteger listedFoundByBaseline = new AtomicInteger();
    private final AtomicInteger listedFoundByEngine = new AtomicInteger();
    private final List<String> listedFoundByBaselineOnly = Collections.synchronizedList(new ArrayList<>());
    private final List<String> baselineHitsEngineMisses = Collections.synchronizedList(new ArrayList<>());
    private final List<String> indexDisagreements = Collections.synchronizedList(new ArrayList<>());

    private BaselineAgreement(ScreeningEngine engine, NaiveScreener naive, double threshold, double baselineThreshold) {
        this.engine = engine;
        this.naive = naive;
        this.threshold = threshold;
        this.baselineThreshold = baselineThreshold;
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args, USAGE);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        double threshold = options.decimal("--threshold", EngineSettings.DEFAULT_THRESHOLD);
        double baselineThreshold = options.decimal("--baseline-threshold", threshold);
        List<Entry> entries = BundledLists.load();
        List<QueryPool.Labelled> pool = QueryPool.labelled(entries,
                Path.of(options.text("--negatives", QueryPool.NEGATIVES)), QueryPool.DEFAULT_SIZE);
        List<QueryPool.Labelled> queries = pool.subList(0, Math.min(pool.size(), options.positive("--queries", pool.size())));
        BaselineAgreement agreement = new BaselineAgreement(ScreeningEngine.build(entries, EngineSettings.defaults()),
                NaiveScreener.overBundledFiles(), threshold, baselineThreshold);
        System.out.printf("Screening %d queries (names only): naive baseline over %d names at %s, "
                + "engine indexed and brute force over %d names at %s%n", queries.size(),
                agreement.naive.nameCount(), baselineThreshold, agreement.engine.nameCount(), threshold);
        queries.parallelStream().forEach(query -> agreement.compare(PartyQuery.ofName(query.query().name()),
                query.listedAs(), queries.size()));
        System.exit(agreement.report(queries.size(), Path.of(options.text("--out", DEFAULT_OUT))) ? 0 : 1);
    }

    private void compare(PartyQuery query, String listedAs, int total) {
        Map<String, Double> baseline = naive.screen(query.name(), baselineThreshold);
        Map<String, Double> indexed = returned(engine.screen(query, threshold, Integer.MAX_VALUE).matches());
        Map<String, Double> bruteForce = returned(engine.screenBruteForce(query, threshold, Integer.MAX_VALUE).matches());
        baselineHits.addAndGet(baseline.size());
        engineHits.addAndGet(indexed.size());
        countFlagged(!baseline.isEmpty(), !indexed.isEmpty());
        if (listedAs == null) {
            queriesOnNoList.incrementAndGet();
            onNoListFlaggedByBaseline.addAndGet(baseline.isEmpty() ? 0 : 1);
            onNoListFlaggedByEngine.addAndGet(indexed.isEmpty() ? 0 : 1);
        } else {
            listed.incrementAndGet();
            listedFoundByBaseline.addAndGet(baseline.containsKey(listedAs) ? 1 : 0);
            listedFoundByEngine.addAndGet(indexed.containsKey(listedAs) ? 1 : 0);
            if (baseline.containsKey(listedAs) && !indexed.containsKey(listedAs)) {
                listedFoundByBaselineOnly.add(String.format(Locale.ROOT, "%-40s %-14s baseline %.3f",
                        quoted(query), listedAs, baseline.get(listedAs)));
            }
        }
        baseline.forEach((key, score) -> {
            if (indexed.containsKey(key)) {
                baselineHitsEngineReturns.incrementAndGet();
            } else {
                baselineHitsEngineMisses.add(String.format(Locale.ROOT, "%-40s %-14s baseline %.3f",
                        quoted(query), key, score));
            }
        });
        if (indexed.equals(bruteForce)) {
            queriesIndexEqualsBruteForce.incrementAndGet();
        } else {
            Set<String> keys = new HashSet<>(indexed.keySet());
            keys.addAll(bruteForce.keySet());
            keys.stream().filter(key -> !Objects.equals(indexed.get(key), bruteForce.get(key)))
                    .forEach(key -> indexDisagreements.add(String.format(Locale.ROOT, "%-40s %-14s indexed %s, brute force %s",
                            quoted(query), key, scoreOrNone(indexed.get(key)), scoreOrNone(bruteForce.get(key)))));
        }
        int done = screened.incrementAndGet();
        if (done % 250 == 0) {
            System.out.printf("  %d of %d queries%n", done, total);
        }
    }

    private void countFlagged(boolean byBaseline, boolean byEngine) {
        if (byBaseline) {
            queriesFlaggedByBaseline.incrementAndGet();
        }
        if (byEngine) {
            queriesFlaggedByEngine.incrementAndGet();
        }
        if (byBaseline && !byEngine) {
            queriesFlaggedByBaselineOnly.incrementAndGet();
        }
    }

    private static Map<String, Double> returned(List<Match> matches) {
        return matches.stream().collect(Collectors.toMap(Match::key, Match::score));
    }

    /** Prints the summary; true when the engine returned every baseline hit and its index agreed with brute force. */
    private boolean report(int queries, Path out) throws IOException {
        int missed = baselineHits.get() - baselineHitsEngineReturns.get();
        int indexDiffering = queries - queriesIndexEqualsBruteForce.get();
        String missesTitle = "Baseline hits the engine does not return";
        String indexTitle = "Entries where the index and brute force differ";
        String sourceTitle = "Queries made from a list entry whose entry the baseline finds and the engine does not";
        show(sourceTitle, listedFoundByBaselineOnly);
        show(missesTitle, baselineHitsEngineMisses);
        show(indexTitle, indexDisagreements);
        List<String> all = new ArrayList<>();
        all.add(sourceTitle + ":");
        listedFoundByBaselineOnly.stream().sorted().forEach(all::add);
        all.add(missesTitle + ":");
        baselineHitsEngineMisses.stream().sorted().forEach(all::add);
        all.add(indexTitle + ":");
        indexDisagreements.stream().sorted().forEach(all::add);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, all);
        System.out.println("Every disagreement is in " + out);
        System.out.printf(Locale.ROOT, "%nqueries=%d threshold=%s baseline-threshold=%s%n", queries, threshold, baselineThreshold);
        System.out.printf(Locale.ROOT, "baseline: %d entries returned, for %d queries%n",
                baselineHits.get(), queriesFlaggedByBaseline.get());
        System.out.printf(Locale.ROOT, "engine: %d entries returned, for %d queries%n",
                engineHits.get(), queriesFlaggedByEngine.get());
        System.out.printf(Locale.ROOT, "engine also returns %d of the %d baseline entries (%d missed); "
                        + "queries the baseline flags and the engine does not: %d%n",
                baselineHitsEngineReturns.get(), baselineHits.get(), missed, queriesFlaggedByBaselineOnly.get());
        // every hit on a person on no list is a false positive, which an engine returning all baseline hits shares
        System.out.printf(Locale.ROOT, "people on no list (synthetic negatives): %d; flagged by the baseline %d, "
                + "by the engine %d%n", queriesOnNoList.get(), onNoListFlaggedByBaseline.get(), onNoListFlaggedByEngine.get());
        System.out.printf(Locale.ROOT, "queries made from a list entry: %d; the entry found by the baseline %d, "
                + "by the engine %d, by the baseline and not the engine %d%n", listed.get(), listedFoundByBaseline.get(),
                listedFoundByEngine.get(), listedFoundByBaselineOnly.size());
        System.out.printf(Locale.ROOT, "index vs brute force: identical on %d of %d queries (%d differ, %d entries)%n",
                queriesIndexEqualsBruteForce.get(), queries, indexDiffering, indexDisagreements.size());
        return missed == 0 && indexDiffering == 0;
    }

    private static void show(String title, List<String> lines) {
        System.out.printf("%n%s: %d%n", title, lines.size());
        lines.stream().sorted().limit(SHOWN_PER_KIND).forEach(line -> System.out.println("  " + line));
        if (lines.size() > SHOWN_PER_KIND) {
            System.out.printf("  ... and %d more%n", lines.size() - SHOWN_PER_KIND);
        }
    }

    private static String quoted(PartyQuery query) {
        return '"' + query.name() + '"';
    }

    private static String scoreOrNone(Double score) {
        return score == null ? "none" : String.format(Locale.ROOT, "%.3f", score);
    }
}
