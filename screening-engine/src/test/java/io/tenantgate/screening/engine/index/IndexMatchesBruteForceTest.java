package io.tenantgate.screening.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.PartialDate;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The candidate index must never drop an entry the full scorer places above the threshold: over the whole
 * bundled list, indexed and brute-force screening return the same entries with the same scores.
 */
class IndexMatchesBruteForceTest {

    private static final int LIST_QUERIES = 120;
    private static final int NEGATIVE_QUERIES = 80;
    /** Lower than the default, so near-misses are compared too. */
    private static final double THRESHOLD = 0.8;

    @Test
    void indexReturnsExactlyTheBruteForceMatches() {
        ScreeningEngine engine = SharedEngine.get();
        engine.warmUp().join(); // so every list word's kept similar words are read, not looked up again
        List<PartyQuery> queries = new ArrayList<>(perturbedListNames(new Random(7)));
        List<Map<String, String>> negatives = EvalFiles.rows("negatives_us.csv.gz");
        for (int i = 0; i < NEGATIVE_QUERIES; i++) {
            Map<String, String> row = negatives.get(i * 601 % negatives.size());
            queries.add(new PartyQuery(row.get("full_name"), EntryType.INDIVIDUAL,
                    Countries.toIso(row.get("nationality")).orElse(null),
                    PartialDate.parse(row.get("date_of_birth")).orElse(null), List.of(), null));
        }
        int withMatches = 0;
        for (PartyQuery query : queries) {
            String indexed = summary(engine.screen(query, THRESHOLD, Integer.MAX_VALUE));
            String bruteForce = summary(engine.screenBruteForce(query, THRESHOLD, Integer.MAX_VALUE));
            assertThat(indexed).as(query.name()).isEqualTo(bruteForce);
            withMatches += bruteForce.isEmpty() ? 0 : 1;
        }
        assertThat(withMatches).as("queries with matches").isGreaterThan(LIST_QUERIES / 2);
    }

    @Test
    void indexLooksAtFarFewerNamesThanBruteForce() {
        ScreeningEngine engine = SharedEngine.get();
        ScreeningResult result = engine.screen(PartyQuery.ofName("Vladimir Vladimirovich Putin"));
        assertThat(result.namesScored()).isLessThan(engine.nameCount() / 100);
        assertThat(result.matches().get(0).key()).isEqualTo("SDN:35096");
    }

    @Test
    void concurrentScreeningGivesTheSameResultsAsSequential() throws Exception {
        ScreeningEngine engine = SharedEngine.get();
        List<PartyQuery> queries = EvalFiles.rows("positives_un_untreated.csv").stream()
                .map(row -> PartyQuery.ofName(row.get("full_name"))).toList();
        List<String> sequential = queries.stream().map(query -> summary(engine.screen(query))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> concurrent = new ArrayList<>();
            for (PartyQuery query : queries) {
                concurrent.add(pool.submit(() -> summary(engine.screen(query))));
            }
            for (int i = 0; i < queries.size(); i++) {
                assertThat(concurrent.get(i).get()).as(queries.get(i).name()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String summary(ScreeningResult result) {
        return result.matches().stream().map(match -> match.key() + "=" + match.score())
                .sorted().collect(Collectors.joining(","));
    }

    /** List names with typos, dropped, swapped and joined words. */
    private static List<PartyQuery> perturbedListNames(Random random) {
        List<Entry> entries = BundledLists.load();
        List<PartyQuery> queries = new ArrayList<>();
        while (queries.size() < LIST_QUERIES) {
            Entry entry = entries.get(random.nextInt(entries.size()));
            List<String> names = entry.allNames();
            String name = names.get(random.nextInt(names.size()));
            queries.add(new PartyQuery(perturb(name, random), EntryType.UNKNOWN, List.of(), null, List.of(), null));
        }
        return queries;
    }

    private static String perturb(String name, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(name.replace(",", "").split(" +")));
        switch (random.nextInt(5)) {
            case 0 -> {
                int at = random.nextInt(words.size());
                String word = words.get(at);
                if (word.length() > 3) {
                    int position = 1 + random.nextInt(word.length() - 2);
                    words.set(at, word.substring(0, position) + (char) ('a' + random.nextInt(26)) + word.substring(position + 1));
                }
            }
            case 1 -> {
                if (words.size() > 2) {
                    words.remove(random.nextInt(words.size()));
                }
            }
            case 2 -> Collections.reverse(words);
            case 3 -> {
                if (words.size() > 1) {
                    words.set(0, words.get(0) + words.remove(1));
                }
            }
            default -> {
            }
        }
        return String.join(" ", words);
    }
}
