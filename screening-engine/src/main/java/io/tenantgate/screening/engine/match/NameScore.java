package io.tenantgate.screening.engine.match;

import java.util.List;

/** The score of one query name against one list name, with the aligned token pairs. */
public record NameScore(double score, List<TokenPair> pairs) {
    public NameScore {
        pairs = List.copyOf(pairs);
    }
}
