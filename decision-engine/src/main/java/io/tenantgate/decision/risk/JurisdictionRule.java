package io.tenantgate.decision.risk;

import io.tenantgate.decision.person.OwnershipParty;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jurisdictions of concern anywhere around the customer: declared, on documents, payments or addresses, among
 * owners holding a significant share or control, or only in access IPs. Each country counts once, at the weight
 * of its strongest link, so one country seen five ways does not outweigh a list hit.
 */
public final class JurisdictionRule implements RiskRule {

    public static final String NAME = "jurisdiction";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        RiskWeights weights = settings.weights();
        Map<String, Exposure> byCountry = new TreeMap<>();
        for (String declared : input.facts().declaredCountries()) {
            add(byCountry, settings, declared, weights.jurisdictionDeclared(), "declared");
        }
        for (CountrySignal signal : input.facts().signals()) {
            int points = signal.source() == SignalSource.IP ? weights.jurisdictionObserved() : weights.jurisdictionDeclared();
            add(byCountry, settings, signal.country(), points, signal.describe());
        }
        input.person().ownership().ifPresent(ownership -> {
            for (OwnershipParty party : ownership.parties()) {
                if (party.controlling() || party.effectivePercent() >= settings.ownerExposurePercent()) {
                    for (String country : party.countries()) {
                        add(byCountry, settings, country, weights.jurisdictionOwner(), "owner " + party.name() + " ("
                                + String.format(Locale.ROOT, "%.1f %%", party.effectivePercent())
                                + (party.controlling() ? ", controlling" : "") + ")");
                    }
                }
            }
        });
        return byCountry.entrySet().stream()
                .map(e -> new RiskFactor(NAME, e.getValue().points, e.getKey() + " is a jurisdiction of concern: "
                        + String.join("; ", e.getValue().via)))
                .toList();
    }

    private static void add(Map<String, Exposure> byCountry, RiskSettings settings, String country, int points, String via) {
        if (settings.ofConcern(country)) {
            Exposure exposure = byCountry.computeIfAbsent(country, c -> new Exposure());
            exposure.points = Math.max(exposure.points, points);
            exposure.via.add(via);
        }
    }

    private static final class Exposure {
        private int points;
        private final List<String> via = new ArrayList<>();
    }
}
