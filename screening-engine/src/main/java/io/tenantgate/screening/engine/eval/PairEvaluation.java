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
            boolean predicted = score(row) >= threshold;
            boolean actual = isMatch(row);
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

    /** The pairs judged wrongly, one line each: {@code fp|fn<TAB>score<TAB>group<TAB>name1<TAB>name2}. */
    public static List<String> errors(List<Map<String, String>> rows, double threshold) {
        List<String> lines = new java.util.ArrayList<>();
        for (Map<String, String> row : rows) {
            double score = score(row);
            if ((score >= threshold) != isMatch(row)) {
                lines.add(String.format(java.util.Locale.ROOT, "%s\t%.4f\t%s\t%s\t%s", isMatch(row) ? "fn" : "fp", score,
                        row.getOrDefault("case_group", ""), row.get("name1"), row.get("name2")));
            }
        }
        return lines;
    }

    private static double score(Map<String, String> row) {
        return NameComparison.score(row.get("name1"), row.get("name2"), row.get("schema"));
    }

    private static boolean isMatch(Map<String, String> row) {
        String label = row.get("is_match").strip();
        return Boolean.parseBoolean(label) || label.equals("1");
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
