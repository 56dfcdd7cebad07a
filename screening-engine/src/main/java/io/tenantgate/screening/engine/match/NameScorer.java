package io.tenantgate.screening.engine.match;

import java.util.ArrayList;
import io.tenantgate.screening.engine.normalize.TokenKind;
import java.util.List;

/**
 * Scores a query name against a list name in [0, 1]. Units of both names are aligned greedily by
 * similarity, each used once, so word order does not matter. The score is the weighted mean similarity
 * of the aligned units, reduced for strong words left without a partner: mildly when only one name
 * carries extra words (a middle name or patronymic one source omits), hard when both do (two different
 * given names conflict). Resting on a single word and conflicting legal forms also cost.
 * {@link #upperBound} bounds the score by how many strong query words found a partner; the candidate
 * index depends on it.
 */
public final class NameScorer {

    static final double EXTRA_QUERY_WORD_FACTOR = 0.95;
    /**
     * A listed word the query lacks. Two words shared with part of a longer listed name is the usual
     * coincidence (a common given name and surname); three or more shared words identify far better.
     */
    static final double EXTRA_LIST_WORD_FACTOR = 0.95;
    static final double EXTRA_LIST_WORD_FACTOR_WELL_MATCHED = 0.97;
    static final int WELL_MATCHED = 3;
    static final double CONFLICTING_WORD_FACTOR = 0.75;
    static final double UNMATCHED_WEAK_WORD_FACTOR = 0.98;
    /** Numbers tell apart funds, vessels and subsidiaries: one without a partner costs like a conflict. */
    static final double UNMATCHED_NUMBER_FACTOR = 0.85;
    static final double SINGLE_WORD_FACTOR = 0.85;
    static final double NO_STRONG_WORD_FACTOR = 0.5;
    static final double LEGAL_FORM_CONFLICT_FACTOR = 0.85;
    /** A country in one organisation's name and not the other's: a subsidiary (Banco Santander Mexico). */
    static final double UNMATCHED_COUNTRY_FACTOR = 0.85;
    /**
     * A person's own name paired with the other's father's name ("Abdullah bin Omar", "Omar bin Abdullah"):
     * the same words naming son and father the other way round.
     */
    static final double SWAPPED_PATRONYMIC_FACTOR = 0.85;

    private NameScorer() {
    }

    public static double score(ComparableName query, ComparableName candidate) {
        return align(query, candidate, direct(query, candidate), null);
    }

    /**
     * The same score with token similarities supplied by the caller, e.g. looked up once per query by the
     * candidate index; they must equal {@link TokenSimilarity#score} for the result to be the same.
     */
    public static double score(ComparableName query, ComparableName candidate, PairSimilarity similarities) {
        return align(query, candidate, similarities, null);
    }

    /** Every pair compared word by word, with no similarities found beforehand. */
    public static PairSimilarity direct(ComparableName query, ComparableName candidate) {
        Unit[] q = query.unitArray();
        Unit[] c = candidate.unitArray();
        return (scores, queryUnits, listUnits) -> {
            for (int i = 0; i < queryUnits; i++) {
                for (int j = 0; j < listUnits; j++) {
                    scores[i * listUnits + j] = TokenSimilarity.score(q[i], c[j]);
                }
            }
        };
    }

    public static NameScore explain(ComparableName query, ComparableName candidate) {
        List<TokenPair> pairs = new ArrayList<>();
        double score = align(query, candidate, direct(query, candidate), pairs);
        return new NameScore(score, pairs);
    }

    /**
     * The highest score any list name can reach when only {@code matchedStrong} of the query's strong words
     * find a partner, {@code initialOnly} of them only an initial. {@code joinedPartner} says whether one
     * may have met two list words run together, which counts as two. Every other penalty and any
     * similarity below 1 can only lower the score.
     */
    public static double upperBound(ComparableName query, int matchedStrong, int initialOnly, boolean joinedPartner) {
        return upperBound(query, matchedStrong, initialOnly, joinedPartner, 0, 0);
    }

    /**
     * The same for a list name with {@code listStrong} strong words of which the alignment can pair at most
     * {@code listPairable}: the rest are extra list words, which cost as in {@link #penalties}, or less.
     * It falls as {@code listStrong} grows.
     */
    public static double upperBound(ComparableName query, int matchedStrong, int initialOnly, boolean joinedPartner,
                                    int listStrong, int listPairable) {
        int strong = query.strongCount();
        // weak words and initials of the query may all pair exactly, which can only raise the mean
        double otherWeight = query.totalWeight() - strong * TokenKind.STRONG.weight();
        double extraQueryFactor = query.everySyllable() ? CONFLICTING_WORD_FACTOR : EXTRA_QUERY_WORD_FACTOR;
        // the mildest cost of an extra list word, whichever way the alignment goes
        double extraListFactor = query.everySyllable() ? CONFLICTING_WORD_FACTOR : EXTRA_LIST_WORD_FACTOR_WELL_MATCHED;
        int extraList = Math.max(0, listStrong - listPairable);
        double best = 0;
        // a word whose only partner is an initial may pair (at INITIAL_SCORE) or stay unmatched
        for (int unpaired = 0; unpaired <= initialOnly; unpaired++) {
            int matched = matchedStrong - unpaired;
            int viaInitial = initialOnly - unpaired;
            double weight = matched + otherWeight;
            double mean = weight <= 0 ? 0 : (weight - viaInitial * (1 - TokenSimilarity.INITIAL_SCORE)) / weight;
            int extraQuery = strong - matched;
            // an extra word on each side is a conflict: more conflicts only cost more
            int conflicts = Math.min(extraQuery, extraList);
            double bound = mean * power(CONFLICTING_WORD_FACTOR, conflicts)
                    * power(extraQueryFactor, extraQuery - conflicts) * power(extraListFactor, extraList - conflicts);
            int solid = matched - viaInitial;
            if (solid == 0) {
                bound *= NO_STRONG_WORD_FACTOR;
            } else if (!joinedPartner && solid == 1 && (strong >= 2 || listStrong >= 2)) {
                bound *= SINGLE_WORD_FACTOR;
            }
            best = Math.max(best, bound);
        }
        return best;
    }

    private static double align(ComparableName query, ComparableName candidate, PairSimilarity similarities,
                                List<TokenPair> explanation) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return 0.0;
        }
        Unit[] q = query.unitArray();
        Unit[] c = candidate.unitArray();
        PairBuffer buffer = PAIRS.get().ensure(q.length * c.length);
        double[] matrix = buffer.matrix;
        similarities.fill(matrix, q.length, c.length);
        double[] scores = buffer.scores;
        int[] qIndex = buffer.queryUnits;
        int[] cIndex = buffer.listUnits;
        int count = 0;
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < c.length; j++) {
                double score = matrix[i * c.length + j];
                if (score > 0) {
                    int at = count++;
                    // insertion sort: best score first, then single words before joined ones
                    while (at > 0 && ranksBefore(score, q[i], c[j], scores[at - 1], q[qIndex[at - 1]], c[cIndex[at - 1]])) {
                        scores[at] = scores[at - 1];
                        qIndex[at] = qIndex[at - 1];
                        cIndex[at] = cIndex[at - 1];
                        at--;
                    }
                    scores[at] = score;
                    qIndex[at] = i;
                    cIndex[at] = j;
                }
            }
        }
        long usedQ = 0;
        long usedC = 0;
        long initialOnlyQ = 0;
        long initialOnlyC = 0;
        long pairedWithStrongC = 0;
        double matchedWeight = 0;
        double similaritySum = 0;
        boolean swapped = false;
        for (int p = 0; p < count; p++) {
            Unit qu = q[qIndex[p]];
            Unit cu = c[cIndex[p]];
            if ((usedQ & qu.mask()) != 0 || (usedC & cu.mask()) != 0) {
                continue;
            }
            usedQ |= qu.mask();
            usedC |= cu.mask();
            swapped |= ((qu.mask() & query.ownNameMask()) != 0 && (cu.mask() & candidate.fatherNameMask()) != 0)
                    || ((qu.mask() & query.fatherNameMask()) != 0 && (cu.mask() & candidate.ownNameMask()) != 0);
            pairedWithStrongC |= qu.strong() ? cu.mask() : 0;
            if (qu.length() == 1 && cu.length() > 1) {
                initialOnlyC |= cu.mask();
            } else if (cu.length() == 1 && qu.length() > 1) {
                initialOnlyQ |= qu.mask();
            }
            matchedWeight += qu.weight();
            similaritySum += scores[p] * qu.weight();
            if (explanation != null) {
                explanation.add(new TokenPair(qu.text(), cu.text(), scores[p], TokenSimilarity.method(qu, cu, scores[p])));
            }
        }
        if (matchedWeight == 0) {
            return 0.0;
        }
        Alignment alignment = new Alignment(usedQ, usedC, initialOnlyQ, initialOnlyC, pairedWithStrongC, swapped);
        return similaritySum / matchedWeight * penalties(query, candidate, alignment);
    }

    /** Similarities and candidate pairs of one alignment, reused per thread so scoring a name allocates nothing. */
    private static final class PairBuffer {
        private double[] matrix = new double[64];
        private double[] scores = new double[64];
        private int[] queryUnits = new int[64];
        private int[] listUnits = new int[64];

        PairBuffer ensure(int capacity) {
            if (scores.length < capacity) {
                matrix = new double[capacity];
                scores = new double[capacity];
                queryUnits = new int[capacity];
                listUnits = new int[capacity];
            }
            return this;
        }
    }

    private static final ThreadLocal<PairBuffer> PAIRS = ThreadLocal.withInitial(PairBuffer::new);

    /**
     * Token positions paired on each side, those whose only partner is an initial, and the list positions
     * paired with a strong query word.
     */
    private record Alignment(long usedQ, long usedC, long initialOnlyQ, long initialOnlyC, long pairedWithStrongC,
                             boolean swappedPatronymic) {
    }

    private static boolean ranksBefore(double score, Unit q, Unit c, double otherScore, Unit otherQ, Unit otherC) {
        if (score != otherScore) {
            return score > otherScore;
        }
        return joinedCount(q, c) < joinedCount(otherQ, otherC);
    }

    private static int joinedCount(Unit q, Unit c) {
        return (q.joined() ? 1 : 0) + (c.joined() ? 1 : 0);
    }

    private static double penalties(ComparableName query, ComparableName candidate, Alignment alignment) {
        long usedQ = alignment.usedQ();
        long usedC = alignment.usedC();
        int extraQuery = Long.bitCount(query.strongMask() & ~usedQ);
        int extraList = Long.bitCount(candidate.strongMask() & ~usedC);
        // an unmatched initial, or a word whose only partner is an initial, conflicts with an unmatched word
        // on the other side as much as two unmatched words do
        int conflicts = Math.min(
                extraQuery + Long.bitCount(query.initialMask() & ~usedQ) + Long.bitCount(alignment.initialOnlyQ()),
                extraList + Long.bitCount(candidate.initialMask() & ~usedC) + Long.bitCount(alignment.initialOnlyC()));
        int unmatchedWeak = Long.bitCount(query.allMask() & ~query.strongMask() & ~usedQ);
        // strong words paired with strong words, initials aside; "SERGEILAVROV" against "SERGEI LAVROV"
        // rests on two words, so count the side with more
        int matchedStrong = Math.max(Long.bitCount(query.strongMask() & usedQ & ~alignment.initialOnlyQ()),
                Long.bitCount(candidate.strongMask() & alignment.pairedWithStrongC() & ~alignment.initialOnlyC()));
        double factor = power(CONFLICTING_WORD_FACTOR, conflicts)
                * power(query.everySyllable() ? CONFLICTING_WORD_FACTOR : EXTRA_QUERY_WORD_FACTOR,
                        Math.max(0, extraQuery - conflicts))
                * power(query.everySyllable() ? CONFLICTING_WORD_FACTOR
                        : matchedStrong >= WELL_MATCHED ? EXTRA_LIST_WORD_FACTOR_WELL_MATCHED : EXTRA_LIST_WORD_FACTOR,
                        Math.max(0, extraList - conflicts))
                * power(UNMATCHED_WEAK_WORD_FACTOR, unmatchedWeak)
                * power(UNMATCHED_NUMBER_FACTOR, Long.bitCount(query.numberMask() & ~usedQ)
                        + Long.bitCount(candidate.numberMask() & ~usedC));
        if (matchedStrong == 0) {
            factor *= NO_STRONG_WORD_FACTOR;
        } else if (matchedStrong == 1 && (query.strongCount() >= 2 || candidate.strongCount() >= 2)) {
            factor *= SINGLE_WORD_FACTOR;
        }
        factor *= power(UNMATCHED_COUNTRY_FACTOR, Long.bitCount(query.countryMask() & ~usedQ)
                + Long.bitCount(candidate.countryMask() & ~usedC));
        if (alignment.swappedPatronymic()) {
            factor *= SWAPPED_PATRONYMIC_FACTOR;
        }
        if (LegalFormFamilies.conflict(query.specificLegalForms(), candidate.specificLegalForms())) {
            factor *= LEGAL_FORM_CONFLICT_FACTOR;
        }
        return factor;
    }

    /** Small integer powers, cheaper than Math.pow on the hot path. */
    private static double power(double base, int exponent) {
        double result = 1.0;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
