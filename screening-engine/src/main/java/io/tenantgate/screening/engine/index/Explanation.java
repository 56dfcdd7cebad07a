package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.match.TokenPair;
import java.util.List;

/**
 * Why an entry matched: the query and the list name variant as normalised, the aligned token pairs, the
 * name score before facts and the facts that agreed or conflicted.
 */
public record Explanation(String normalizedQuery, String normalizedListName, double nameScore,
                          List<TokenPair> tokenPairs, List<FactEvidence> facts) {
    public Explanation {
        tokenPairs = List.copyOf(tokenPairs);
        facts = List.copyOf(facts);
    }
}
