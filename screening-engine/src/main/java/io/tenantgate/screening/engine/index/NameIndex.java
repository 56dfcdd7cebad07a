package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.match.ComparableName;
import io.tenantgate.screening.engine.match.EditDistance;
import io.tenantgate.screening.engine.match.NameScorer;
import io.tenantgate.screening.engine.match.TokenSimilarity;
import io.tenantgate.screening.engine.match.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Candidate index over list names. For every strong query word it finds the list words the token
 * similarity can score above zero: equal words, equal phonetic keys, initials, words within the allowed
 * edit distance (through deletion variants, as in SymSpell) and two list words run together. A list
 * name becomes a candidate only when {@link NameScorer#upperBound} for the query words it shares can
 * still reach the threshold, so no name the full scorer places above the threshold is left out.
 * Immutable and thread-safe.
 */
final class NameIndex {

    private static final double EPSILON = 1e-9;
    private static final int[] NONE = new int[0];

    private final int nameCount;
    private final Unit[] vocabulary;
    private final int[][] postings;
    private final Map<String, Integer> singles;
    private final Map<String, Integer> joins;
    private final Map<String, int[]> byPhoneticKey;
    /** (hash of a deletion variant << 32) | vocabulary id, sorted. */
    private final long[] deletionVariants;
    private final ThreadLocal<Scratch> scratch;

    private NameIndex(int nameCount, Unit[] vocabulary, int[][] postings, Map<String, Integer> singles,
                      Map<String, Integer> joins, Map<String, int[]> byPhoneticKey, long[] deletionVariants) {
        this.nameCount = nameCount;
        this.vocabulary = vocabulary;
        this.postings = postings;
        this.singles = singles;
        this.joins = joins;
        this.byPhoneticKey = byPhoneticKey;
        this.deletionVariants = deletionVariants;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(nameCount, vocabulary.length));
    }

    static NameIndex build(List<ComparableName> names) {
        Map<String, Integer> singles = new HashMap<>();
        Map<String, Integer> joins = new HashMap<>();
        List<Unit> vocabulary = new ArrayList<>();
        List<IntList> postings = new ArrayList<>();
        for (int name = 0; name < names.size(); name++) {
            for (Unit unit : names.get(name).unitArray()) {
                Map<String, Integer> ids = unit.joined() ? joins : singles;
                Integer id = ids.get(unit.text());
                if (id == null) {
                    id = vocabulary.size();
                    ids.put(unit.text(), id);
                    vocabulary.add(unit);
                    postings.add(new IntList());
                }
                postings.get(id).addDistinct(name);
            }
        }
        Map<String, IntList> phonetic = new HashMap<>();
        LongList deletions = new LongList();
        for (int id = 0; id < vocabulary.size(); id++) {
            Unit unit = vocabulary.get(id);
            if (!unit.phoneticKey().isEmpty()) {
                phonetic.computeIfAbsent(unit.phoneticKey(), key -> new IntList()).add(id);
            }
            if (!unit.joined() && unit.strong()) {
                for (String variant : deletionVariants(unit.text())) {
                    deletions.add(((long) variant.hashCode() << 32) | id);
                }
            }
        }
        long[] sortedDeletions = deletions.toArray();
        Arrays.sort(sortedDeletions);
        Map<String, int[]> byKey = new HashMap<>();
        phonetic.forEach((key, ids) -> byKey.put(key, ids.toArray()));
        return new NameIndex(names.size(), vocabulary.toArray(Unit[]::new),
                postings.stream().map(IntList::toArray).toArray(int[][]::new), singles, joins, byKey, sortedDeletions);
    }

    /** Ids of the list names that may score at least {@code threshold} against the query. */
    int[] candidates(ComparableName query, double threshold) {
        if (NameScorer.upperBound(query, 0, false) >= threshold - EPSILON) {
            return IntStream.range(0, nameCount).toArray(); // no strong word to look up: every name may match
        }
        Scratch work = scratch.get();
        for (Unit unit : query.unitArray()) {
            if (unit.strong()) {
                work.nextUnit();
                long credit = unit.mask() & query.strongMask();
                lookUp(unit, work, id -> work.credit(postings[id], credit, vocabulary[id].joined()));
            }
        }
        return work.candidates(query, threshold - EPSILON);
    }

    private void lookUp(Unit unit, Scratch work, IntConsumer hit) {
        visit(singles.get(unit.text()), work, hit);
        visit(joins.get(unit.text()), work, hit);
        for (int id : byPhoneticKey.getOrDefault(unit.phoneticKey(), NONE)) {
            visit(id, work, hit);
        }
        if (unit.joined()) {
            return;
        }
        visit(singles.get(unit.text().substring(0, 1)), work, hit); // a listed initial
        for (String variant : deletionVariants(unit.text())) {
            long hash = (long) variant.hashCode() << 32;
            int at = lowerBound(hash);
            while (at < deletionVariants.length && (deletionVariants[at] & 0xFFFFFFFF00000000L) == hash) {
                int id = (int) deletionVariants[at++];
                if (TokenSimilarity.score(unit, vocabulary[id]) > 0) {
                    visit(id, work, hit);
                }
            }
        }
    }

    private static void visit(Integer id, Scratch work, IntConsumer hit) {
        if (id != null && work.firstVisit(id)) {
            hit.accept(id);
        }
    }

    private int lowerBound(long hash) {
        int index = Arrays.binarySearch(deletionVariants, hash);
        int at = index >= 0 ? index : -index - 1;
        while (at > 0 && (deletionVariants[at - 1] & 0xFFFFFFFF00000000L) == hash) {
            at--;
        }
        return at;
    }

    /** The word and every word obtained by deleting up to the allowed number of its letters. */
    static Set<String> deletionVariants(String word) {
        Set<String> variants = new HashSet<>();
        variants.add(word);
        addDeletions(word, EditDistance.allowedEdits(word.length()), variants);
        return variants;
    }

    private static void addDeletions(String word, int remaining, Set<String> variants) {
        if (remaining == 0 || word.length() <= 1) {
            return;
        }
        for (int i = 0; i < word.length(); i++) {
            String shorter = word.substring(0, i) + word.substring(i + 1);
            if (variants.add(shorter)) {
                addDeletions(shorter, remaining - 1, variants);
            }
        }
    }

    /** Per-thread working memory of one lookup: which query words each touched name shares. */
    private static final class Scratch {
        private final long[] sharedWords;
        private final boolean[] sharedJoined;
        private final int[] touched;
        private int touchedCount;
        private final int[] visitedStamp;
        private int stamp;

        Scratch(int names, int vocabularySize) {
            sharedWords = new long[names];
            sharedJoined = new boolean[names];
            touched = new int[names];
            visitedStamp = new int[vocabularySize];
        }

        /** Each query unit credits its own words, so it visits every list word afresh. */
        void nextUnit() {
            stamp++;
        }

        boolean firstVisit(int vocabularyId) {
            if (visitedStamp[vocabularyId] == stamp) {
                return false;
            }
            visitedStamp[vocabularyId] = stamp;
            return true;
        }

        void credit(int[] names, long words, boolean joined) {
            for (int name : names) {
                if (sharedWords[name] == 0) {
                    touched[touchedCount++] = name;
                }
                sharedWords[name] |= words;
                sharedJoined[name] |= joined;
            }
        }

        int[] candidates(ComparableName query, double threshold) {
            IntList result = new IntList();
            for (int i = 0; i < touchedCount; i++) {
                int name = touched[i];
                if (NameScorer.upperBound(query, Long.bitCount(sharedWords[name]), sharedJoined[name]) >= threshold) {
                    result.add(name);
                }
                sharedWords[name] = 0;
                sharedJoined[name] = false;
            }
            touchedCount = 0;
            return result.toArray();
        }
    }
}
