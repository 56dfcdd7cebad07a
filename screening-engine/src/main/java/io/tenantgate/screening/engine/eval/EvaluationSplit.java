package io.tenantgate.screening.engine.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits labelled rows into a tuning part and a report part, the same way on every machine: rows are grouped
 * into strata (for name pairs: the case group and the label), ordered in each stratum by a salted hash of the row,
 * and dealt alternately to the two parts, so each part holds half of every stratum. Rules are tuned on
 * {@link Part#TUNE}; the figures that decide are those of {@link Part#REPORT}.
 */
public final class EvaluationSplit {

    /** Changing it deals the rows anew; fixed so that every report is on the same part. */
    static final String SALT = "tenantgate-eval-2026-12";

    public enum Part {
        TUNE, REPORT, ALL;

        public static Part of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    private EvaluationSplit() {
    }

    /** The rows of one part; {@code stratum} and {@code identity} are functions of a row. */
    public static <T> List<T> part(List<T> rows, Part part, Function<T, String> stratum, Function<T, String> identity) {
        if (part == Part.ALL) {
            return rows;
        }
        Map<String, List<T>> strata = new LinkedHashMap<>();
        rows.forEach(row -> strata.computeIfAbsent(stratum.apply(row), key -> new ArrayList<>()).add(row));
        List<T> chosen = new ArrayList<>();
        for (List<T> members : strata.values()) {
            List<T> dealt = new ArrayList<>(members);
            dealt.sort(Comparator.comparing(row -> hash(identity.apply(row))));
            for (int i = part == Part.TUNE ? 0 : 1; i < dealt.size(); i += 2) {
                chosen.add(dealt.get(i));
            }
        }
        return chosen;
    }

    /** The labelled name pairs of one part, stratified by case group and label. */
    public static List<Map<String, String>> pairs(List<Map<String, String>> rows, Part part) {
        return part(rows, part, row -> row.getOrDefault("case_group", "") + "|" + row.get("is_match").strip(),
                row -> row.get("name1") + "\u0000" + row.get("name2") + "\u0000" + row.getOrDefault("schema", ""));
    }

    /** The people of a screening file (one stratum: the files hold one kind of person each). */
    public static List<Map<String, String>> people(List<Map<String, String>> rows, Part part) {
        return part(rows, part, row -> "", row -> row.get("full_name") + "\u0000" + row.getOrDefault("date_of_birth", "")
                + "\u0000" + row.getOrDefault("nationality", ""));
    }

    private static String hash(String identity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((SALT + identity).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
