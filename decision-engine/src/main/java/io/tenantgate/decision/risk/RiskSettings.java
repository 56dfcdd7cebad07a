package io.tenantgate.decision.risk;

import io.tenantgate.decision.signals.Countries;

import java.util.Objects;
import java.util.Set;

/**
 * Thresholds and weights of the risk engine: configuration, because the rule is still a proposal. The service
 * fills it from its @ConfigMapping; {@link #defaults()} mirrors the documented defaults.
 *
 * @param jurisdictionsOfConcern ISO alpha-2 countries flagged apart from list hits (15 CFR 7.4)
 * @param reviewAt               score from which a case goes to review
 * @param rejectAt               score from which a case is rejected
 * @param nearExactNameScore     name score from which a list match with an agreeing identifier, and none
 *                               conflicting, rejects instead of going to review
 * @param ownerExposurePercent   effective share from which an owner's country counts for the customer
 * @param maxOwnershipLayers     owner layers beyond which the structure counts as opaque
 */
public record RiskSettings(Set<String> jurisdictionsOfConcern, int reviewAt, int rejectAt, double nearExactNameScore,
                           double ownerExposurePercent, int maxOwnershipLayers, RiskWeights weights) {

    public RiskSettings {
        jurisdictionsOfConcern = Set.copyOf(jurisdictionsOfConcern);
        jurisdictionsOfConcern.forEach(code -> {
            if (!Countries.isAlpha2(code)) {
                throw new IllegalArgumentException("jurisdiction of concern is not an ISO alpha-2 code: " + code);
            }
        });
        if (!(0 < reviewAt && reviewAt < rejectAt && rejectAt <= 100)) {
            throw new IllegalArgumentException("need 0 < reviewAt < rejectAt <= 100, got " + reviewAt + " and " + rejectAt);
        }
        if (!(nearExactNameScore > 0 && nearExactNameScore <= 1)) {
            throw new IllegalArgumentException("nearExactNameScore lies within (0, 1], got " + nearExactNameScore);
        }
        if (maxOwnershipLayers < 1) {
            throw new IllegalArgumentException("maxOwnershipLayers must be at least 1");
        }
        Objects.requireNonNull(weights, "weights");
    }

    public static RiskSettings defaults() {
        return new RiskSettings(Set.of("CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"), 30, 70, 0.97, 25.0, 3,
                RiskWeights.defaults());
    }

    public boolean ofConcern(String country) {
        return jurisdictionsOfConcern.contains(country);
    }
}
