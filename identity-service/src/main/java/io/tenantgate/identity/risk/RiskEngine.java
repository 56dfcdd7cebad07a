package io.tenantgate.identity.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores a case with its rules and decides. Order of precedence: listed ownership of 50 % or more and a
 * near-certain list match reject; missing
 * data asks for it; incomplete screening waits (fail closed: nothing is approved unscreened); then the score
 * and any potential match decide between REJECTED, REVIEW and APPROVED.
 */
public final class RiskEngine {

    private static final int MAX_SCORE = 100;

    private final RiskSettings settings;
    private final List<RiskRule> rules;

    public RiskEngine(RiskSettings settings) {
        this(settings, List.of(new ListHitRule(), new JurisdictionRule(), new FailedCheckRule(),
                new OwnershipOpacityRule(), new ResellerRule(), new PersonStatusRule()));
    }

    public RiskEngine(RiskSettings settings, List<RiskRule> rules) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = List.copyOf(rules);
    }

    public RiskAssessment assess(RiskInput input) {
        List<RiskFactor> factors = rules.stream().flatMap(rule -> rule.evaluate(input, settings).stream()).toList();
        int score = Math.min(MAX_SCORE, factors.stream().mapToInt(RiskFactor::points).sum());
        List<String> reasons = new ArrayList<>();
        Decision decision = decide(input, score, reasons);
        factors.stream().sorted(Comparator.comparingInt(RiskFactor::points).reversed())
                .map(f -> f.reason() + " (+" + f.points() + ")").forEach(reasons::add);
        return new RiskAssessment(score, decision, reasons, factors);
    }

    private Decision decide(RiskInput input, int score, List<String> reasons) {
        if (!input.screening().ownershipBlocks().isEmpty()) {
            input.screening().ownershipBlocks().forEach(block -> reasons.add("blocked through its owners: " + block));
            return Decision.REJECTED;
        }
        Optional<ListHit> nearCertain = input.screening().hits().stream()
                .filter(hit -> hit.score() >= settings.rejectMatchScore())
                .max(Comparator.comparingDouble(ListHit::score));
        if (nearCertain.isPresent()) {
            reasons.add("restricted party: " + ListHitRule.describe(nearCertain.get()) + " (at least "
                    + settings.rejectMatchScore() + ")");
            return Decision.REJECTED;
        }
        if (!input.missingRequiredData().isEmpty()) {
            reasons.add("required data missing: " + String.join(", ", input.missingRequiredData()));
            return Decision.PENDING_INFO;
        }
        if (!input.screening().complete()) {
            reasons.add(input.screening().partiesRequired().isEmpty() ? "no party was put to screening"
                    : "not screened yet: " + String.join(", ", input.screening().partiesNotScreened().stream().sorted().toList()));
            return Decision.PENDING_SCREENING;
        }
        if (score >= settings.rejectAt()) {
            reasons.add("risk score " + score + " at or above the rejection threshold " + settings.rejectAt());
            return Decision.REJECTED;
        }
        if (!input.screening().hits().isEmpty()) {
            reasons.add(input.screening().hits().size() + " potential list match(es) for an analyst to clear");
            return Decision.REVIEW;
        }
        if (score >= settings.reviewAt()) {
            reasons.add("risk score " + score + " at or above the review threshold " + settings.reviewAt());
            return Decision.REVIEW;
        }
        reasons.add("screened with no match, risk score " + score + " below the review threshold " + settings.reviewAt());
        return Decision.APPROVED;
    }
}
