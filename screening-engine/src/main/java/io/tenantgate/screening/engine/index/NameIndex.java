package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.match.ComparableName;
import io.tenantgate.screening.engine.match.EditDistance;
import io.tenantgate.screening.engine.match.NameScorer;
import io.tenantgate.screening.engine.match.PairSimilarity;
import io.tenantgate.screening.engine.match.TokenSimilarity;
import io.tenantgate.screening.engine.match.Unit;
import io.tenantgate.screening.engine.normalize.GivenNames;
import io.tenantgate.screening.engine.normalize.NameScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Candidate index over list names. For every strong query word it finds the list words the token
 * similarity scores above zero: equal words, equal phonetic keys, initials, words within the allowed edit
 * distance (through deletion variants, as in SymSpell) and two list words run together. A list name
 * becomes a candidate only when {@link NameScorer#upperBound}, for the query words it shares and the strong
 * words it has, can still reach the threshold, so no name the full scorer places above the threshold is left out. The
 * similarities found on the way are kept, so candidates are scored without comparing words again.
 * A query word that is itself a list word (most are) skips the lookup: a background thread looks up every
 * strong list word once, right after the build, and keeps its similar words ({@link #similarWords}); until
 * a word's turn comes, queries look it up themselves, with the same result. Thread-safe; the lookup state
 * is per thread.
 */
final class NameIndex {

    private static final double EPSILON = 1e-9;
    private static final int[] NONE = new int[0];

    private final List<ComparableName> names;
    /** Distinct list words: text with the attributes the similarity depends on (strength, script). */
    private final Unit[] vocabulary;
    /** Per vocabulary word: its letter set (high half) and length (low half). */
    private final long[] wordShapes;
    /** Every vocabulary word's text, one after the other from {@code textStarts[id]}: no object to fetch per word. */
    private final char[] texts;
    private final int[] textStarts;
    private final int[][] postings;
    /** For each name, the vocabulary id of each of its units. */
    private final int[][] nameWords;
    /** For each name, its number of strong words ({@link ComparableName#strongCount}). */
    private final int[] strongCounts;
    private final Map<String, int[]> singlesByText;
    private final Map<String, int[]> joinsByText;
    private final Map<String, int[]> byPhoneticKey;
    /** The same by key and word length: Latin words match phonetically only at about the same length. */
    private final Map<String, int[][]> byPhoneticKeyAndLength;
    /** Words romanised from Arabic or Hebrew, which match any length and even two-consonant keys. */
    private final Map<String, int[]> abjadByPhoneticKey;
    /** Strong single words with doubled letters, by their text with them written once (HASSAN as HASAN). */
    private final Map<String, int[]> bySqueezedText;
    /** Single-letter list words, by letter. */
    private final int[][] initials;
    /** Hash of each deletion variant of a strong list word to the ids of the words that have it. */
    private final HashPostings deletionVariants;
    private final ThreadLocal<Scratch> scratch;
    /**
     * For each strong list word, once looked up, the list words it scores above zero against, in lookup
     * order. Reading them costs two sequential reads per similar word instead of hash probes and a word
     * comparison per visited word, each a cache miss into the index. Written by the warm-up thread only;
     * a query that reads null (not yet, or not yet visible) looks the word up itself.
     */
    private final SimilarWords[] similarWords;
    private final CompletableFuture<Void> warmUp;
    /** Set when a newer index has replaced this one: the warm-up stops, queries still in flight go on. */
    private volatile boolean retired;
    private static final int INITIAL = 1 << 30;
    private static final int JOINED = 1 << 29;
    private static final int WORD = JOINED - 1;
    /** Query words met through list words run together: from this many on, any list name's words may all pair. */
    private static final int JOINED_CAP = 4;
    private static final int MAX_STRONG_WORDS = Long.SIZE - 1;

    private NameIndex(List<ComparableName> names, Unit[] vocabulary, int[][] postings, int[][] nameWords,
                      Map<String, int[]> singlesByText, Map<String, int[]> joinsByText,
                      Map<String, int[]> byPhoneticKey, Map<String, int[][]> byPhoneticKeyAndLength,
                      Map<String, int[]> abjadByPhoneticKey, Map<String, int[]> bySqueezedText,
                      HashPostings deletionVariants) {
        this.names = names;
        this.vocabulary = vocabulary;
        this.wordShapes = Arrays.stream(vocabulary).mapToLong(NameIndex::shapeOf).toArray();
        this.textStarts = new int[vocabulary.length];
        StringBuilder allTexts = new StringBuilder();
        for (int id = 0; id < vocabulary.length; id++) {
            textStarts[id] = allTexts.length();
            allTexts.append(vocabulary[id].text());
        }
        this.texts = allTexts.toString().toCharArray();
        this.postings = postings;
        this.nameWords = nameWords;
        this.strongCounts = names.stream().mapToInt(ComparableName::strongCount).toArray();
        this.singlesByText = singlesByText;
        this.joinsByText = joinsByText;
        this.byPhoneticKey = byPhoneticKey;
        this.byPhoneticKeyAndLength = byPhoneticKeyAndLength;
        this.abjadByPhoneticKey = abjadByPhoneticKey;
        this.bySqueezedText = bySqueezedText;
        this.initials = new int[26][];
        for (char c = 'A'; c <= 'Z'; c++) {
            initials[c - 'A'] = singlesByText.getOrDefault(String.valueOf(c), NONE);
        }
        this.deletionVariants = deletionVariants;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(strongCounts, vocabulary.length));
        if (vocabulary.length > WORD) {
            throw new IllegalArgumentException("more than " + WORD + " distinct list words");
        }
        this.similarWords = new SimilarWords[vocabulary.length];
        Thread thread = new Thread(this::lookUpEveryStrongWord, "name-index-warm-up");
        thread.setDaemon(true);
        this.warmUp = new CompletableFuture<>();
        thread.start();
    }

    /**
     * The word ids (with the {@link #INITIAL} and {@link #JOINED} flags) and scores of one word's similar words,
     * and how many names they credit in all. Final fields: a thread that sees the record sees its arrays filled.
     */
    private record SimilarWords(int[] words, double[] scores, int postings) {
    }

    /** Similar words being collected, in buffers reused from one lookup to the next. */
    private static final class FoundWords {
        private int[] words = new int[64];
        private double[] scores = new double[64];
        private int count;

        void clear() {
            count = 0;
        }

        void add(int word, double score) {
            if (count == words.length) {
                words = Arrays.copyOf(words, count * 2);
                scores = Arrays.copyOf(scores, count * 2);
            }
            words[count] = word;
            scores[count++] = score;
        }

    }

    /** The collected words in arrays of their own, to keep. */
    private SimilarWords kept(FoundWords found) {
        int credited = 0;
        for (int k = 0; k < found.count; k++) {
            credited += postings[found.words[k] & WORD].length;
        }
        return new SimilarWords(Arrays.copyOf(found.words, found.count), Arrays.copyOf(found.scores, found.count),
                credited);
    }

    /** Looks up every strong list word as a query word would be looked up, one after the other. */
    private void lookUpEveryStrongWord() {
        try {
            Scratch work = new Scratch(NONE, vocabulary.length);
            for (int id = 0; id < vocabulary.length && !retired; id++) {
                if (vocabulary[id].strong()) {
                    collectSimilarWords(vocabulary[id], work);
                    similarWords[id] = kept(work.found);
                }
            }
            warmUp.complete(null);
        } catch (RuntimeException | Error failure) {
            warmUp.completeExceptionally(failure); // queries go on looking words up themselves
        }
    }

    /**
     * Looks the word up and collects, in visiting order, the list words it scores above zero into
     * {@code work.found}: the one lookup both the warm-up and a query for a word not kept yet run.
     */
    private void collectSimilarWords(Unit unit, Scratch work) {
        work.found.clear();
        work.nextUnit();
        lookUp(unit, work, other -> {
            double score = TokenSimilarity.score(unit, vocabulary[other]);
            if (score > 0) {
                work.found.add(other | (isInitialOf(vocabulary[other], unit) ? INITIAL : 0)
                        | (vocabulary[other].joined() ? JOINED : 0), score);
            }
        });
    }

    /** Completes when every strong list word's similar words are kept, or the index is retired; for benchmarks and tests. */
    CompletableFuture<Void> warmUp() {
        return warmUp;
    }

    /** Stops the warm-up; lookups still answer, looking up words not kept yet themselves. */
    void retire() {
        retired = true;
    }

    /** A listed initial for a whole query word: it counts for the bound, but only weakly. */
    private static boolean isInitialOf(Unit listed, Unit query) {
        return listed.length() == 1 && query.length() > 1;
    }

    static NameIndex build(List<ComparableName> names) {
        Map<String, Integer> ids = new HashMap<>();
        List<Unit> vocabulary = new ArrayList<>();
        List<IntList> postings = new ArrayList<>();
        int[][] nameWords = new int[names.size()][];
        for (int name = 0; name < names.size(); name++) {
            Unit[] units = names.get(name).unitArray();
            nameWords[name] = new int[units.length];
            for (int u = 0; u < units.length; u++) {
                Unit unit = units[u];
                Integer id = ids.get(wordKey(unit));
                if (id == null) {
                    id = vocabulary.size();
                    ids.put(wordKey(unit), id);
                    vocabulary.add(unit);
                    postings.add(new IntList());
                }
                postings.get(id).addDistinct(name);
                nameWords[name][u] = id;
            }
        }
        Map<String, IntList> singles = new HashMap<>();
        Map<String, IntList> joins = new HashMap<>();
        Map<String, IntList> phonetic = new HashMap<>();
        Map<String, Map<Integer, IntList>> phoneticAndLength = new HashMap<>();
        Map<String, IntList> abjadPhonetic = new HashMap<>();
        Map<String, IntList> squeezed = new HashMap<>();
        LongList deletions = new LongList();
        for (int id = 0; id < vocabulary.size(); id++) {
            Unit unit = vocabulary.get(id);
            (unit.joined() ? joins : singles).computeIfAbsent(unit.text(), key -> new IntList()).add(id);
            if (!unit.phoneticKey().isEmpty() && (!unit.joined() || TokenSimilarity.mayMatchPhonetically(unit))) {
                phonetic.computeIfAbsent(unit.phoneticKey(), key -> new IntList()).add(id);
                phoneticAndLength.computeIfAbsent(unit.phoneticKey(), key -> new HashMap<>())
                        .computeIfAbsent(unit.text().length(), length -> new IntList()).add(id);
            }
            if (unit.script() == NameScript.ABJAD && !unit.joined() && !unit.phoneticKey().isEmpty()) {
                abjadPhonetic.computeIfAbsent(unit.phoneticKey(), key -> new IntList()).add(id);
            }
            if (!unit.joined() && unit.strong()) {
                if (!unit.squeezed().equals(unit.text())) {
                    squeezed.computeIfAbsent(unit.squeezed(), key -> new IntList()).add(id);
                }
                long word = id;
                DeletionHashes.forEach(unit.text(), EditDistance.allowedEdits(unit.text().length()),
                        hash -> deletions.add(((long) hash << 32) | word));
            }
        }
        return new NameIndex(List.copyOf(names), vocabulary.toArray(Unit[]::new),
                postings.stream().map(IntList::toArray).toArray(int[][]::new), nameWords,
                frozen(singles), frozen(joins), frozen(phonetic), byLength(phoneticAndLength), frozen(abjadPhonetic),
                frozen(squeezed), new HashPostings(deletions.toArray()));
    }

    /** The similarity of two words depends on their text and on these attributes only. */
    private static String wordKey(Unit unit) {
        return unit.text() + '\u0000' + unit.joined() + unit.strong() + unit.script() + unit.hasDigit();
    }

    private static Map<String, int[]> frozen(Map<String, IntList> lists) {
        Map<String, int[]> arrays = new HashMap<>();
        lists.forEach((key, list) -> arrays.put(key, list.toArray()));
        return arrays; // a HashMap: faster lookups than an immutable copy, and never exposed
    }

    /**
     * The list names that may score at least {@code threshold} against the query, and the similarities
     * to score them with. The result is valid on the calling thread until its next lookup.
     */
    Candidates candidates(ComparableName query, double threshold) {
        Scratch work = scratch.get();
        work.similarities.clear(query.unitArray().length);
        if (NameScorer.upperBound(query, 0, 0, false) >= threshold - EPSILON) {
            // no strong word to look up: every name may match, scored word by word
            return new Candidates(IntStream.range(0, names.size()).toArray(), null);
        }
        Unit[] units = query.unitArray();
        SimilarWords[] similar = new SimilarWords[units.length];
        int pairedWithWeak = 0;
        for (int u = 0; u < units.length; u++) {
            Unit unit = units[u];
            int queryUnit = u;
            if (!unit.strong()) {
                pairedWithWeak += strongListWordsPairable(unit);
                // such a word scores only against its equals and initials; its equals are kept here
                for (int id : singlesByText.getOrDefault(unit.text(), NONE)) {
                    work.similarities.put(queryUnit, id, 1.0);
                }
                for (int id : joinsByText.getOrDefault(unit.text(), NONE)) {
                    work.similarities.put(queryUnit, id, 1.0);
                }
                continue;
            }
            int listed = listedWord(unit);
            SimilarWords known = listed >= 0 ? similarWords[listed] : null;
            if (known == null) {
                collectSimilarWords(unit, work);
                known = kept(work.found);
            }
            similar[u] = known;
            for (int k = 0; k < known.words().length; k++) {
                work.similarities.put(queryUnit, known.words()[k] & WORD, known.scores()[k]);
            }
        }
        int leastSolid = leastSharedThroughWords(query, threshold - EPSILON);
        boolean[] creditOnly = creditOnlyTouched(query, similar, leastSolid);
        // Every name that can reach the threshold shares a query word through a word, not an initial, of a unit
        // not in creditOnly. Those credits come first and bring in names; the others only add to them.
        for (int pass = 0; pass < 2; pass++) {
            for (int u = 0; u < units.length; u++) {
                SimilarWords known = similar[u];
                for (int k = 0; known != null && k < known.words().length; k++) {
                    int flagged = known.words()[k];
                    boolean initial = (flagged & INITIAL) != 0;
                    boolean touches = leastSolid == 0 || (!initial && !creditOnly[u]);
                    if (touches == (pass == 0)) {
                        work.credit(postings[flagged & WORD], units[u].mask() & query.strongMask(), initial,
                                (flagged & JOINED) != 0, touches);
                    }
                }
            }
        }
        return new Candidates(work.candidates(query, threshold - EPSILON, pairedWithWeak), work.similarities);
    }

    /**
     * The fewest strong query words a list name must share through a word, not only through an initial, to reach
     * the threshold. The bound only grows when more words are shared through initials on top, so sharing every
     * other word through an initial is the best case to try.
     */
    private static int leastSharedThroughWords(ComparableName query, double threshold) {
        int strong = Math.min(query.strongCount(), MAX_STRONG_WORDS);
        for (int solid = 0; solid <= strong; solid++) {
            if (NameScorer.upperBound(query, strong, strong - solid, true) >= threshold) {
                return solid;
            }
        }
        return strong + 1;
    }

    /**
     * The strong query units that need not bring in names of their own: the ones crediting the most names, as
     * long as together they cover fewer than {@code leastSolid} strong query words, so that every name that
     * can reach the threshold shares a word with some other unit. They only add to names others touched.
     */
    private static boolean[] creditOnlyTouched(ComparableName query, SimilarWords[] similar, int leastSolid) {
        boolean[] creditOnly = new boolean[similar.length];
        long covered = 0;
        while (true) {
            int most = -1;
            for (int u = 0; u < similar.length; u++) {
                if (similar[u] != null && !creditOnly[u]
                        && (most < 0 || similar[u].postings() > similar[most].postings())) {
                    most = u;
                }
            }
            if (most < 0) {
                return creditOnly;
            }
            long wider = covered | (query.unitArray()[most].mask() & query.strongMask());
            if (Long.bitCount(wider) >= leastSolid) {
                return creditOnly;
            }
            creditOnly[most] = true;
            covered = wider;
        }
    }

    /**
     * How many strong list words a weak query word can take from the alignment: an initial any word, even two
     * run together; another weak word only its equal.
     */
    private int strongListWordsPairable(Unit weak) {
        if (weak.length() == 1) {
            return 2;
        }
        int most = 0;
        for (int id : singlesByText.getOrDefault(weak.text(), NONE)) {
            most = vocabulary[id].strong() ? Math.max(most, 1) : most;
        }
        for (int id : joinsByText.getOrDefault(weak.text(), NONE)) {
            most = vocabulary[id].strong() ? 2 : most;
        }
        return most;
    }

    /** The id of the list word the token similarity cannot tell from this query word, or -1. */
    private int listedWord(Unit unit) {
        for (int id : (unit.joined() ? joinsByText : singlesByText).getOrDefault(unit.text(), NONE)) {
            Unit listed = vocabulary[id];
            if (listed.strong() == unit.strong() && listed.hasDigit() == unit.hasDigit()
                    && listed.script() == unit.script() && listed.phoneticKey().equals(unit.phoneticKey())) {
                return id;
            }
        }
        return -1;
    }

    private void lookUp(Unit unit, Scratch work, IntConsumer word) {
        visitAll(singlesByText.getOrDefault(unit.text(), NONE), work, word);
        visitAll(joinsByText.getOrDefault(unit.text(), NONE), work, word);
        lookUpPhonetic(unit, work, word);
        if (unit.joined()) {
            return;
        }
        if (unit.strong()) {
            for (String related : GivenNames.nicknameRelated(unit.text())) {
                visitAll(singlesByText.getOrDefault(related, NONE), work, word);
            }
        }
        char first = unit.text().charAt(0);
        // a listed initial (or a listed single digit, which compares the same way)
        visitAll(first >= 'A' && first <= 'Z' ? initials[first - 'A']
                : singlesByText.getOrDefault(String.valueOf(first), NONE), work, word);
        // doubled letters: list words with them are kept by their squeezed spelling; a list word without
        // them that equals the query word squeezed is found by its text
        visitAll(bySqueezedText.getOrDefault(unit.squeezed(), NONE), work, word);
        if (!unit.squeezed().equals(unit.text())) {
            visitAll(singlesByText.getOrDefault(unit.squeezed(), NONE), work, word);
        }
        // last: every word that equals, sounds like, doubles a letter of or abbreviates the query word has
        // been visited, so a word first met here scores above zero only if it is within the allowed edits
        work.variantCount = 0;
        DeletionHashes.forEach(unit.text(), EditDistance.allowedEdits(unit.text().length()), work::addVariant);
        deletionVariants.findAll(work.variants, work.variantCount, work.variantRuns);
        IntConsumer visit = id -> {
            if (withinEdits(unit, id) && work.firstVisit(id)) {
                word.accept(id);
            }
        };
        for (int v = 0; v < work.variantCount; v++) {
            deletionVariants.forEachInRun(work.variantRuns[v], visit);
        }
    }

    /**
     * Whether a list word is within the edits the shorter word's length allows of the query word. Read from
     * flat arrays, not the word's objects: most words a deletion variant leads to are further apart, and the
     * packed shape (length, letters used) already rules out most of those.
     */
    private boolean withinEdits(Unit query, int id) {
        long shape = wordShapes[id];
        int la = query.length();
        int lb = (int) shape;
        int edits = EditDistance.allowedEdits(Math.min(la, lb));
        return edits > 0 && Math.abs(la - lb) <= edits
                && Integer.bitCount(query.letters() ^ (int) (shape >>> 32)) <= 2 * edits
                && EditDistance.distance(query.text(), texts, textStarts[id], lb, edits) <= edits;
    }

    private static long shapeOf(Unit unit) {
        return ((long) unit.letters() << 32) | unit.text().length();
    }

    /**
     * A word of Arabic or Hebrew script meets its key at any length; a Latin word meets it at about its own
     * length, or in an Arabic or Hebrew word, which is the only kind a short key can meet.
     */
    private void lookUpPhonetic(Unit unit, Scratch work, IntConsumer word) {
        String key = unit.phoneticKey();
        if (key.isEmpty()) {
            return;
        }
        if (unit.script() == NameScript.ABJAD && !unit.joined()) {
            visitAll(byPhoneticKey.getOrDefault(key, NONE), work, word);
            return;
        }
        if (TokenSimilarity.mayMatchPhonetically(unit)) {
            int length = unit.text().length();
            int[][] byLength = byPhoneticKeyAndLength.get(key);
            for (int other = Math.max(0, length - TokenSimilarity.CLOSE_LENGTH);
                 byLength != null && other <= length + TokenSimilarity.CLOSE_LENGTH && other < byLength.length; other++) {
                visitAll(byLength[other], work, word);
            }
        }
        if (!unit.joined()) {
            visitAll(abjadByPhoneticKey.getOrDefault(key, NONE), work, word);
        }
    }

    /** Per key, the ids by word length (an empty array for lengths without words). */
    private static Map<String, int[][]> byLength(Map<String, Map<Integer, IntList>> lists) {
        Map<String, int[][]> arrays = new HashMap<>();
        lists.forEach((key, byLength) -> {
            int[][] ids = new int[byLength.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1][];
            Arrays.fill(ids, NONE);
            byLength.forEach((length, list) -> ids[length] = list.toArray());
            arrays.put(key, ids);
        });
        return arrays;
    }

    private static void visitAll(int[] ids, Scratch work, IntConsumer word) {
        for (int id : ids) {
            if (work.firstVisit(id)) {
                word.accept(id);
            }
        }
    }

    /** Candidate names of one lookup, with the word similarities found for the query's strong units. */
    final class Candidates {
        private final int[] ids;
        private final SimilarityTable similarities;

        private Candidates(int[] ids, SimilarityTable similarities) {
            this.ids = ids;
            this.similarities = similarities;
        }

        int[] ids() {
            return ids;
        }

        /**
         * Similarities for one candidate: looked up for strong query units (the lookup found every word
         * they score above zero); the others only compare exactly, kept by the lookup too, or as initials,
         * read from the word's length and first letter. No list word's objects are read.
         */
        PairSimilarity similarities(ComparableName query, int name) {
            if (similarities == null) {
                return NameScorer.direct(query, names.get(name));
            }
            Unit[] q = query.unitArray();
            int[] words = nameWords[name];
            return (scores, queryUnits, listUnits) -> {
                for (int j = 0; j < listUnits; j++) {
                    int word = words[j];
                    int row = similarities.rowOf(word);
                    for (int i = 0; i < queryUnits; i++) {
                        double found = row < 0 ? 0.0 : similarities.score(row, i);
                        if (found == 0 && !q[i].strong()) {
                            found = TokenSimilarity.initialScore(q[i].length(), q[i].text().charAt(0),
                                    (int) wordShapes[word], texts[textStarts[word]]);
                        }
                        scores[i * listUnits + j] = found;
                    }
                }
            };
        }
    }

    /** Per-thread working memory of one lookup: which query words each touched name shares, and how. */
    private static final class Scratch {
        /**
         * Per name, side by side so that crediting a name and then judging it reads one cache line: the query
         * words it shares ({@link #SHARED}), those shared through a word and not only an initial ({@link #SOLID}),
         * those shared through two list words run together ({@link #JOINED_WORDS}), and its number of strong
         * words ({@link #STRONG_WORDS}, which never changes).
         */
        private final long[] state;
        private static final int SHARED = 0;
        private static final int SOLID = 1;
        private static final int JOINED_WORDS = 2;
        private static final int STRONG_WORDS = 3;
        private static final int STATE = 4;
        private final int[] touched;
        private int touchedCount;
        private final int[] visitedStamp;
        private int stamp;
        private final SimilarityTable similarities;
        private final FoundWords found = new FoundWords();
        /** The deletion-variant hashes of the word being looked up, and where each one's run of words starts. */
        private int[] variants = new int[64];
        private int[] variantRuns = new int[64];
        private int variantCount;
        /**
         * Per way of sharing query words (list words run together, capped; query words matched; of those, by
         * an initial only), the most strong words a candidate may have: computed when a query first needs it.
         */
        private final int[] mostListWords = new int[(JOINED_CAP + 1) << 12];
        private final int[] boundStamps = new int[(JOINED_CAP + 1) << 12];
        private int queryStamp;

        Scratch(int[] strongCounts, int vocabularySize) {
            state = new long[strongCounts.length * STATE];
            for (int name = 0; name < strongCounts.length; name++) {
                state[name * STATE + STRONG_WORDS] = strongCounts[name];
            }
            touched = new int[strongCounts.length + 1]; // credit writes one past the last touched name
            visitedStamp = new int[vocabularySize];
            similarities = new SimilarityTable(vocabularySize);
        }

        /** Each query unit credits its own words, so it visits every list word afresh. */
        void nextUnit() {
            if (++stamp == 0) { // wrapped around: old stamps could read as current
                Arrays.fill(visitedStamp, 0);
                stamp = 1;
            }
        }

        boolean firstVisit(int vocabularyId) {
            if (visitedStamp[vocabularyId] == stamp) {
                return false;
            }
            visitedStamp[vocabularyId] = stamp;
            return true;
        }

        void addVariant(int hash) {
            if (variantCount == variants.length) {
                variants = Arrays.copyOf(variants, variantCount * 2);
                variantRuns = new int[variantCount * 2];
            }
            variants[variantCount++] = hash;
        }

        /**
         * Credits the names with the query words; names not touched yet only if {@code mayTouch}. Without
         * branches on the names' state, which are random, so that the reads of many names overlap.
         */
        void credit(int[] names, long words, boolean initial, boolean joined, boolean mayTouch) {
            long solid = initial ? 0 : words;
            long viaJoined = joined ? words : 0;
            for (int name : names) {
                int at = name * STATE;
                long shared = state[at + SHARED];
                boolean untouched = shared == 0;
                long credited = mayTouch || !untouched ? -1L : 0L;
                touched[touchedCount] = name;
                touchedCount += untouched && mayTouch ? 1 : 0;
                state[at + SHARED] = shared | (words & credited);
                state[at + SOLID] |= solid & credited;
                state[at + JOINED_WORDS] |= viaJoined & credited;
            }
        }

        /**
         * The touched names that may reach the threshold. Each strong query word pairs with one list word, or
         * two run together, and weak query words with at most {@code pairedWithWeak} strong list words: the
         * strong list words beyond those are extra words, whose cost the bound counts.
         */
        int[] candidates(ComparableName query, double threshold, int pairedWithWeak) {
            int strong = Math.min(query.strongCount(), Long.SIZE - 1);
            if (++queryStamp == 0) {
                Arrays.fill(boundStamps, 0);
                queryStamp = 1;
            }
            IntList result = new IntList();
            for (int i = 0; i < touchedCount; i++) {
                int name = touched[i];
                int at = name * STATE;
                long shared = state[at + SHARED];
                int matched = Math.min(strong, Long.bitCount(shared));
                int initialOnly = Math.min(matched, Long.bitCount(shared & ~state[at + SOLID]));
                int joined = Math.min(JOINED_CAP, Long.bitCount(state[at + JOINED_WORDS]));
                int key = (joined << 12) | (matched << 6) | initialOnly;
                if (boundStamps[key] != queryStamp) {
                    mostListWords[key] = mostListWords(query, threshold, matched, initialOnly, joined, pairedWithWeak);
                    boundStamps[key] = queryStamp;
                }
                if (state[at + STRONG_WORDS] <= mostListWords[key]) {
                    result.add(name);
                }
                state[at + SHARED] = 0;
                state[at + SOLID] = 0;
                state[at + JOINED_WORDS] = 0;
            }
            touchedCount = 0;
            return result.toArray();
        }

        /**
         * The most strong words a list name sharing query words this way may have and still reach the
         * threshold, or -1 if none can: the bound falls as the list name's strong words grow.
         */
        private static int mostListWords(ComparableName query, double threshold, int matched, int initialOnly,
                                         int joined, int pairedWithWeak) {
            int pairable = joined == JOINED_CAP ? MAX_STRONG_WORDS : matched + joined + pairedWithWeak;
            int most = -1;
            int low = 0;
            int high = MAX_STRONG_WORDS;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (NameScorer.upperBound(query, matched, initialOnly, joined > 0, middle, pairable) >= threshold) {
                    most = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return most;
        }
    }
}
