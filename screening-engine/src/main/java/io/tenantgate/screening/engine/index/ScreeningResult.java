package io.tenantgate.screening.engine.index;

import java.util.List;

/**
 * Matches best first, and whether the query's country is a jurisdiction of concern (reported separately:
 * it is not a list hit). {@code namesScored} counts the list names the full scorer looked at.
 */
public record ScreeningResult(List<Match> matches, boolean jurisdictionOfConcern, int namesScored) {
    public ScreeningResult {
        matches = List.copyOf(matches);
    }

    public boolean hit() {
        return !matches.isEmpty();
    }
}
