package io.tenantgate.identity.risk;

import java.util.List;
import java.util.Locale;

/** Each potential restricted-party match adds points in proportion to its score. */
public final class ListHitRule implements RiskRule {

    public static final String NAME = "list-hit";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        return input.screening().hits().stream()
                .map(hit -> new RiskFactor(NAME, (int) Math.round(hit.score() * settings.weights().listHitPerScore()),
                        describe(hit)))
                .toList();
    }

    static String describe(ListHit hit) {
        return hit.party() + " matches " + hit.source() + " entry '" + hit.entryName() + "' with score "
                + String.format(Locale.ROOT, "%.2f", hit.score());
    }
}
