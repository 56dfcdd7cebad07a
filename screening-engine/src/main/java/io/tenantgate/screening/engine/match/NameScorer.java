package io.tenantgate.screening.engine.match;

import java.util.ArrayList;
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
    static final double EXTRA_LIST_WORD_FACTOR = 0.97;
    static final double CONFLICTING_WORD_FACTOR = 0.75;
    static final double UNMATCHED_WEAK_WORD_FACTOR = 0.98;
    /** Numbers tell apart funds, vessels and subsidiaries: one without a partner costs like a conflict. */
    static final double UNMATCHED_NUMBER_FACTOR = 0.85;
    static final double SINGLE_WORD_FACTOR = 0.85;
    static final double NO_STRONG_WORD_FACTOR = 0.5;
    static final double LEGAL_FORM_CONFLICT_FACTOR = 0.85;

    private NameScorer() {
    }

    public static double score(ComparableName query, ComparableName candidate) {
        return align(query, candidate, null);
    }

    public static NameScore explain(ComparableName query, ComparableName candidate) {
        List<TokenPair> pairs = new ArrayList<>();
        double score = align(query, candidate, pairs);
        return new NameScore(score, pairs);
    }

    /**
     * The highest score any list name can reach when only {@code matchedStrong} of the query's strong words
     * find a partner; {@code joinedPartner} says whether one of them may have met two list words run
     * together. Every other penalty and a mean similarity below 1 can only lower the score.
     */
    public static double upperBound(ComparableName query, int matchedStrong, boolean joinedPartner) {
        int strong = query.strongCount();
        double bound = Math.pow(Math.max(EXTRA_QUERY_WORD_FACTOR, CONFLICTING_WORD_FACTOR), strong - matchedStrong);
        if (matchedStrong == 0) {
            bound *= NO_STRONG_WORD_FACTOR;
        } else if (matchedStrong == 1 && strong >= 2 && !joinedPartner) {
            bound *= SINGLE_WORD_FACTOR;
        }
        return bound;
    }

    private static double align(ComparableName query, ComparableName candidate, List<TokenPair> explanation) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return 0.0;
        }
        Unit[] q = query.unitArray();
        Unit[] c = candidate.unitArray();
        int capacity = q.length * c.length;
        double[] scores = new double[capacity];
        int[] qIndex = new int[capacity];
        int[] cIndex = new int[capacity];
        int count = 0;
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < c.length; j++) {
                double score = TokenSimilarity.score(q[i], c[j]);
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
        double matchedWeight = 0;
        double similaritySum = 0;
        for (int p = 0; p < count; p++) {
            Unit qu = q[qIndex[p]];
            Unit cu = c[cIndex[p]];
            if ((usedQ & qu.mask()) != 0 || (usedC & cu.mask()) != 0) {
                continue;
            }
            usedQ |= qu.mask();
            usedC |= cu.mask();
            if (qu.text().length() == 1 && cu.text().length() > 1) {
                initialOnlyC |= cu.mask();
            } else if (cu.text().length() == 1 && qu.text().length() > 1) {
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
        Alignment alignment = new Alignment(usedQ, usedC, initialOnlyQ, initialOnlyC);
        return similaritySum / matchedWeight * penalties(query, candidate, alignment);
    }

    /** Token positions paired on each side, and those whose only partner is an initial. */
    private record Alignment(long usedQ, long usedC, long initialOnlyQ, long initialOnlyC) {
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
        double factor = Math.pow(CONFLICTING_WORD_FACTOR, conflicts)
                * Math.pow(EXTRA_QUERY_WORD_FACTOR, Math.max(0, extraQuery - conflicts))
                * Math.pow(EXTRA_LIST_WORD_FACTOR, Math.max(0, extraList - conflicts))
                * Math.pow(UNMATCHED_WEAK_WORD_FACTOR, unmatchedWeak)
                * Math.pow(UNMATCHED_NUMBER_FACTOR, Long.bitCount(query.numberMask() & ~usedQ)
                        + Long.bitCount(candidate.numberMask() & ~usedC));
        // "SERGEILAVROV" against "SERGEI LAVROV" rests on two words: count the side with more, initials aside
        int matchedStrong = Math.max(Long.bitCount(query.strongMask() & usedQ & ~alignment.initialOnlyQ()),
                Long.bitCount(candidate.strongMask() & usedC & ~alignment.initialOnlyC()));
        if (matchedStrong == 0) {
            factor *= NO_STRONG_WORD_FACTOR;
        } else if (matchedStrong == 1 && (query.strongCount() >= 2 || candidate.strongCount() >= 2)) {
            factor *= SINGLE_WORD_FACTOR;
        }
        if (LegalFormFamilies.conflict(query.specificLegalForms(), candidate.specificLegalForms())) {
            factor *= LEGAL_FORM_CONFLICT_FACTOR;
        }
        return factor;
    }
}
