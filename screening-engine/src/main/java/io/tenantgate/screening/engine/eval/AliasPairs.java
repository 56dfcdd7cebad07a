package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.parse.EntryMerger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Labelled name pairs mined from the lists themselves, in the columns of {@code cases.csv}: the names of one
 * entry (primary name and each alias: transliterations, spellings, a.k.a.s) are matches; names of two different
 * entries of one kind that share a word of four letters or more are hard non-matches. Case groups say where a pair
 * comes from ({@code alias_person}, {@code shared_word_company}, ...), so the split stratifies by them.
 */
public final class AliasPairs {

    /** Columns: case_group, schema, name1, name2, is_match. */
    public record Pair(String group, String schema, String name1, String name2, boolean match) {
    }

    /** A word in more names than this ("TRADING", "MOHAMMAD") makes too easy a negative to be worth mining. */
    private static final int MAX_NAMES_PER_WORD = 200;
    private static final int MIN_WORD_LENGTH = 4;

    private AliasPairs() {
    }

    /** Every alias pair, and as many shared-word non-matches, drawn with {@code seed}. */
    public static List<Pair> mine(List<Entry> entries, long seed) {
        List<Pair> pairs = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.addressOnly()) {
                continue;
            }
            for (String alias : entry.aliases()) {
                if (!folded(alias).equals(folded(entry.name()))) {
                    pairs.add(new Pair("alias_" + kind(entry.type()), schema(entry.type()), alias, entry.name(), true));
                }
            }
        }
        int positives = pairs.size();
        Map<String, List<Integer>> entriesByWord = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            if (entries.get(e).addressOnly()) {
                continue;
            }
            for (String word : words(entries.get(e).name())) {
                entriesByWord.computeIfAbsent(word, key -> new ArrayList<>()).add(e);
            }
        }
        Random random = new Random(seed);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int attempt = 0; seen.size() < positives && attempt < positives * 20; attempt++) {
            Entry first = entries.get(random.nextInt(entries.size()));
            List<String> words = words(first.name());
            if (first.addressOnly() || words.isEmpty()) {
                continue;
            }
            List<Integer> sharing = entriesByWord.get(words.get(random.nextInt(words.size())));
            if (sharing == null || sharing.size() < 2 || sharing.size() > MAX_NAMES_PER_WORD) {
                continue;
            }
            Entry second = entries.get(sharing.get(random.nextInt(sharing.size())));
            if (second == first || kind(second.type()) != kind(first.type()) || folded(second.name()).equals(folded(first.name()))
                    || seen.putIfAbsent(first.key() + "|" + second.key(), true) != null) {
                continue;
            }
            pairs.add(new Pair("shared_word_" + kind(first.type()), schema(first.type()), first.name(), second.name(), false));
        }
        return pairs;
    }

    /** As CSV with a header, ready for {@code EvalMain pairs}. */
    public static List<String> csv(List<Pair> pairs) {
        List<String> lines = new ArrayList<>(pairs.size() + 1);
        lines.add("case_group,schema,name1,name2,is_match");
        for (Pair pair : pairs) {
            lines.add(String.join(",", pair.group(), pair.schema(), quoted(pair.name1()), quoted(pair.name2()),
                    Boolean.toString(pair.match())));
        }
        return lines;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String kind(EntryType type) {
        return type == EntryType.INDIVIDUAL ? "person" : type == EntryType.UNKNOWN ? "unknown" : "company";
    }

    private static String schema(EntryType type) {
        return switch (type) {
            case INDIVIDUAL -> "Person";
            case ENTITY -> "Company";
            case VESSEL -> "Vessel";
            case AIRCRAFT -> "Airplane";
            default -> "";
        };
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : folded(name).split(" ")) {
            if (word.length() >= MIN_WORD_LENGTH && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String folded(String name) {
        return EntryMerger.foldedName(name);
    }
}
