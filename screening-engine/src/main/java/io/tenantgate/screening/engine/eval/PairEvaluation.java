package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.match.NameComparison;
import java.util.List;
import java.util.Map;

/** Scores labelled name pairs and counts the confusion matrix at one threshold. */
public record PairEvaluation(int truePositives, int falsePositives, int trueNegatives, int falseNegatives,
                             double threshold) {

    public static PairEvaluation run(List<Map<String, String>> rows, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (Map<String, String> row : rows) {
            boolean predicted = NameComparison.score(row.get("name1"), row.get("name2"), row.get("schema")) >= threshold;
            boolean actual = Boolean.parseBoolean(row.get("is_match").strip()) || row.get("is_match").strip().equals("1");
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }
        return new PairEvaluation(tp, fp, tn, fn, threshold);
    }

    public int pairs() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
