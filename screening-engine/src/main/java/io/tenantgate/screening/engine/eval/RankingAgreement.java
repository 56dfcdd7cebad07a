package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.match.NameComparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How closely the engine ranks names like OFAC's Sanctions List Search: Spearman rank correlation between
 * the engine's name score and OFAC's score, over all rows and averaged per query.
 */
public record RankingAgreement(double overallSpearman, double meanPerQuerySpearman, int rows, int queries) {

    public static RankingAgreement run(List<Map<String, String>> rows) {
        double[] ofac = rows.stream().mapToDouble(row -> Double.parseDouble(row.get("ofac_score"))).toArray();
        double[] ours = rows.stream().mapToDouble(row -> NameComparison.score(row.get("query_name"),
                row.get("result_name"), null)).toArray();
        Map<String, List<Integer>> byQuery = new LinkedHashMap<>();
        IntStream.range(0, rows.size()).forEach(i ->
                byQuery.computeIfAbsent(rows.get(i).get("query_name"), key -> new ArrayList<>()).add(i));
        double perQuery = byQuery.values().stream().filter(indexes -> indexes.size() > 2)
                .mapToDouble(indexes -> spearman(pick(ofac, indexes), pick(ours, indexes)))
                .filter(value -> !Double.isNaN(value)).average().orElse(Double.NaN);
        return new RankingAgreement(spearman(ofac, ours), perQuery, rows.size(), byQuery.size());
    }

    private static double[] pick(double[] values, List<Integer> indexes) {
        return indexes.stream().mapToDouble(i -> values[i]).toArray();
    }

    static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    /** Average ranks, so ties share a rank. */
    private static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = (start + end) / 2.0 + 1;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        double meanX = Arrays.stream(x).average().orElse(0);
        double meanY = Arrays.stream(y).average().orElse(0);
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
