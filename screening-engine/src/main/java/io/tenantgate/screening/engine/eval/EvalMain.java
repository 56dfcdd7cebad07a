package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.FactEvidence;
import io.tenantgate.screening.engine.index.Match;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.index.ScreeningResult;
import io.tenantgate.screening.engine.match.NameComparison;
import io.tenantgate.screening.engine.match.TokenPair;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.PartialDate;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluation command line, run in-process against the bundled lists:
 * <pre>
 *   pairs FILE.csv [--threshold T] [--part tune|report|all] [--show-errors]
 *   screen FILE.csv [--threshold T] [--out RESULT.tsv] [--part tune|report|all]
 *   name "NAME" [--country CC] [--dob YYYY-MM-DD] [--threshold T]
 *   cross-script FILE.csv [--threshold T]     (no header: query,expected,...; "#" comments)
 *   ofac-ranking FILE.csv                     (query_name,result_name,ofac_score)
 *   mine OUT.csv [--seed N]                   (labelled pairs mined from the bundled lists' aliases)
 * </pre>
 */
public final class EvalMain {

    private EvalMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            usage();
        }
        Arguments arguments = new Arguments(args);
        switch (args[0]) {
            case "pairs" -> pairs(Path.of(args[1]), arguments);
            case "screen" -> screen(Path.of(args[1]), arguments);
            case "name" -> name(args[1], arguments);
            case "cross-script" -> crossScript(Path.of(args[1]), arguments.threshold());
            case "ofac-ranking" -> ofacRanking(Path.of(args[1]));
            case "mine" -> mine(Path.of(args[1]), arguments);
            default -> usage();
        }
    }

    private static void pairs(Path file, Arguments arguments) {
        double threshold = arguments.threshold();
        EvaluationSplit.Part part = part(arguments);
        List<Map<String, String>> rows = EvaluationSplit.pairs(CsvTable.read(file, "name1", "name2", "is_match"), part);
        PairEvaluation result = PairEvaluation.run(rows, threshold);
        if (arguments.flag("--show-errors")) {
            PairEvaluation.errors(rows, threshold).forEach(System.out::println);
        }
        System.out.println("part=" + part.name().toLowerCase(Locale.ROOT));
        System.out.printf(Locale.ROOT, "tp=%d fp=%d tn=%d fn=%d%n", result.truePositives(), result.falsePositives(),
                result.trueNegatives(), result.falseNegatives());
        System.out.printf(Locale.ROOT, "precision=%.4f recall=%.4f f1=%.4f threshold=%.4f pairs=%d%n",
                result.precision(), result.recall(), result.f1(), threshold, result.pairs());
    }

    private static void screen(Path file, Arguments arguments) {
        double threshold = arguments.threshold();
        List<Map<String, String>> rows = EvaluationSplit.people(CsvTable.read(file, "full_name"), part(arguments));
        ScreenEvaluation.Result result = ScreenEvaluation.run(engine(), rows, threshold);
        arguments.option("--out").ifPresent(out -> write(Path.of(out), result.lines()));
        result.errors().forEach(System.err::println);
        System.out.printf(Locale.ROOT, "screened=%d hits=%d hit_rate=%.4f threshold=%.4f%n", rows.size(), result.hits(),
                rows.isEmpty() ? 0.0 : (double) result.hits() / rows.size(), threshold);
        System.out.printf(Locale.ROOT, "unreadable_dates=%d unreadable_nationalities=%d errors=%d%n",
                result.unreadableDates(), result.unreadableNationalities(), result.errors().size());
    }

    private static EvaluationSplit.Part part(Arguments arguments) {
        return arguments.option("--part").map(EvaluationSplit.Part::of).orElse(EvaluationSplit.Part.ALL);
    }

    private static void name(String name, Arguments arguments) {
        String country = arguments.option("--country").map(code -> Countries.toIso(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown country " + code))).orElse(null);
        PartialDate dateOfBirth = arguments.option("--dob").map(date -> PartialDate.parse(date)
                .orElseThrow(() -> new IllegalArgumentException("invalid date " + date))).orElse(null);
        PartyQuery query = new PartyQuery(name, EntryType.UNKNOWN, country, dateOfBirth, List.of(), null);
        ScreeningResult result = engine().screen(query, arguments.threshold(), ScreeningEngine.DEFAULT_LIMIT);
        if (result.jurisdictionOfConcern()) {
            System.out.println("country " + country + " is a jurisdiction of concern");
        }
        for (Match match : result.matches()) {
            System.out.printf(Locale.ROOT, "%.4f  %s  %s  sources=%s programs=%s license=%s%n", match.score(),
                    match.key(), match.matchedName(), match.sources(), match.programs(), match.licenseRequirement());
            System.out.printf(Locale.ROOT, "        query \"%s\" ~ list \"%s\" name score %.4f%n",
                    match.explanation().normalizedQuery(), match.explanation().normalizedListName(),
                    match.explanation().nameScore());
            for (TokenPair pair : match.explanation().tokenPairs()) {
                System.out.printf(Locale.ROOT, "        %s ~ %s %.3f %s%n", pair.queryToken(), pair.listToken(),
                        pair.score(), pair.method());
            }
            for (FactEvidence fact : match.explanation().facts()) {
                System.out.printf(Locale.ROOT, "        %s: %s vs %s %+.2f%n", fact.fact(), fact.queryValue(),
                        fact.listValue(), fact.weight());
            }
        }
        System.out.println("matches=" + result.matches().size() + " threshold=" + arguments.threshold());
    }

    private static void crossScript(Path file, double threshold) {
        List<List<String>> pairs = CsvTable.readWithoutHeader(file);
        int matched = 0;
        for (List<String> pair : pairs) {
            double score = NameComparison.score(pair.get(0), pair.get(1), null);
            matched += score >= threshold ? 1 : 0;
            System.out.printf(Locale.ROOT, "%.4f %s %s -> %s%n", score, score >= threshold ? "match" : "miss",
                    pair.get(0), pair.get(1));
        }
        System.out.printf(Locale.ROOT, "matched=%d pairs=%d threshold=%.4f%n", matched, pairs.size(), threshold);
    }

    private static void ofacRanking(Path file) {
        RankingAgreement agreement = RankingAgreement.run(CsvTable.read(file, "query_name", "result_name", "ofac_score"));
        System.out.printf(Locale.ROOT, "spearman=%.4f mean_per_query_spearman=%.4f rows=%d queries=%d%n",
                agreement.overallSpearman(), agreement.meanPerQuerySpearman(), agreement.rows(), agreement.queries());
    }

    private static void mine(Path out, Arguments arguments) {
        long seed = arguments.option("--seed").map(Long::parseLong).orElse(1L);
        List<AliasPairs.Pair> pairs = AliasPairs.mine(BundledLists.load(), seed);
        write(out, AliasPairs.csv(pairs));
        System.out.printf(Locale.ROOT, "pairs=%d matches=%d non_matches=%d seed=%d out=%s%n", pairs.size(),
                pairs.stream().filter(AliasPairs.Pair::match).count(), pairs.stream().filter(p -> !p.match()).count(), seed, out);
    }

    private static ScreeningEngine engine() {
        return ScreeningEngine.build(BundledLists.load(), EngineSettings.defaults());
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void usage() {
        System.err.println("usage: EvalMain pairs FILE.csv [--threshold T] [--part tune|report|all] [--show-errors]\n"
                + "       EvalMain screen FILE.csv [--threshold T] [--out RESULT.tsv] [--part tune|report|all]\n"
                + "       EvalMain name \"NAME\" [--country CC] [--dob YYYY-MM-DD] [--threshold T]\n"
                + "       EvalMain cross-script FILE.csv [--threshold T]\n"
                + "       EvalMain ofac-ranking FILE.csv\n"
                + "       EvalMain mine OUT.csv [--seed N]");
        System.exit(2);
    }
}
