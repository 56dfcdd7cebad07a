package io.tenantgate.decision.risk;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each listed party that potentially matches adds points in proportion to its best match score. One listed
 * party counts once, whatever number of sources carry it and whichever of the case's parties it matched.
 */
public final class ListHitRule implements RiskRule {

    public static final String NAME = "list-hit";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        return strongestPerListedParty(input.screening().hits()).stream()
                .map(hit -> new RiskFactor(NAME, (int) Math.round(hit.score() * settings.weights().listHitPerScore()),
                        MatchEvidence.of(hit, settings.nearExactNameScore()).sentence()))
                .toList();
    }

    /** The best match of every listed party, best first. */
    private static List<ListHit> strongestPerListedParty(List<ListHit> hits) {
        Map<String, ListHit> best = new LinkedHashMap<>();
        for (ListHit hit : hits) {
            best.merge(hit.entryKey(), hit, (a, b) -> b.score() > a.score() ? b : a);
        }
        return best.values().stream().sorted(Comparator.comparingDouble(ListHit::score).reversed()).toList();
    }
}
