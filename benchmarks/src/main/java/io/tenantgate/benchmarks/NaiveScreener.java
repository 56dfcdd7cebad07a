package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.EntryMerger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The naive screener of the baseline: Apache commons-text Jaro-Winkler against every primary and
 * alias name of every list entry, no index. A name's score is the OFAC-style maximum of the whole-string
 * similarity and the mean, over the query's tokens, of each token's best similarity to the name's tokens.
 * Names are lower-cased and stripped of punctuation once, when the screener is built. It screens the rows of
 * both bundled files as parsed (see {@link UnmergedLists}) and reports hits under the engine's entry keys.
 */
public final class NaiveScreener {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final String[] names;
    private final String[][] nameTokens;
    private final String[] entryKeyOfName;

    private NaiveScreener(String[] names, String[][] nameTokens, String[] entryKeyOfName) {
        this.names = names;
        this.nameTokens = nameTokens;
        this.entryKeyOfName = entryKeyOfName;
    }

    /** Over every name of both bundled files, each reported under the key of the entry the engine screens it in. */
    public static NaiveScreener overBundledFiles() {
        List<Entry> rows = UnmergedLists.load();
        Map<String, String> keyOfRow = EntryMerger.mergeTracked(rows).keyOfRow();
        List<String> names = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Entry row : rows) {
            for (String name : row.allNames()) {
                names.add(normalize(name));
                keys.add(keyOfRow.get(row.key()));
            }
        }
        String[][] tokens = names.stream().map(NaiveScreener::tokens).toArray(String[][]::new);
        return new NaiveScreener(names.toArray(String[]::new), tokens, keys.toArray(String[]::new));
    }

    public int nameCount() {
        return names.length;
    }

    /** The entries whose best name scores at least {@code threshold}, by key, with that best score. */
    public Map<String, Double> screen(String queryName, double threshold) {
        String query = normalize(queryName);
        String[] queryTokens = tokens(query);
        Map<String, Double> hits = new HashMap<>();
        for (int n = 0; n < names.length; n++) {
            double score = score(query, queryTokens, names[n], nameTokens[n]);
            if (score >= threshold) {
                hits.merge(entryKeyOfName[n], score, Math::max);
            }
        }
        return hits;
    }

    private static double score(String query, String[] queryTokens, String name, String[] tokens) {
        double whole = JARO_WINKLER.apply(query, name);
        if (queryTokens.length == 0 || tokens.length == 0) {
            return whole;
        }
        double sum = 0;
        for (String queryToken : queryTokens) {
            double best = 0;
            for (String token : tokens) {
                best = Math.max(best, JARO_WINKLER.apply(queryToken, token));
            }
            sum += best;
        }
        return Math.max(whole, sum / queryTokens.length);
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String[] tokens(String normalized) {
        return normalized.isEmpty() ? new String[0] : normalized.split(" ");
    }
}
