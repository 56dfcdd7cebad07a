package io.tenantgate.decision.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Scores a case with its rules and decides. Order of precedence: listed ownership of 50 % or more, listed control
 * and a list match confirmed by evidence beyond the name reject; missing data asks for it; incomplete screening
 * waits (fail closed: nothing is approved unscreened); then the score and any potential match decide between
 * REJECTED, REVIEW and APPROVED. A potential match never rejects through the score: the points it adds rank the
 * case for review, and only the evidence rules of {@link MatchEvidence} reject on a list match.
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
        int scoreBesidesMatches = Math.min(MAX_SCORE, factors.stream()
                .filter(factor -> !factor.rule().equals(ListHitRule.NAME)).mapToInt(RiskFactor::points).sum());
        List<String> reasons = new ArrayList<>();
        Decision decision = decide(input, score, scoreBesidesMatches, reasons);
        List<String> decisive = List.copyOf(reasons);
        factors.stream().sorted(Comparator.comparingInt(RiskFactor::points).reversed())
                .filter(f -> !decisive.contains(f.reason())) // a confirmed match is said once, as the decisive reason
                .map(f -> f.reason() + " (+" + f.points() + ")").forEach(reasons::add);
        return new RiskAssessment(score, decision, reasons, factors);
    }

    private Decision decide(RiskInput input, int score, int scoreBesidesMatches, List<String> reasons) {
        if (!input.screening().ownershipBlocks().isEmpty()) {
            input.screening().ownershipBlocks().forEach(block -> reasons.add("blocked through its owners: " + block));
            return Decision.REJECTED;
        }
        List<MatchEvidence> confirmed = input.screening().hits().stream()
                .map(hit -> MatchEvidence.of(hit, settings.nearExactNameScore()))
                .filter(MatchEvidence::confirms).toList();
        if (!confirmed.isEmpty()) {
            confirmed.stream().map(MatchEvidence::sentence).distinct().forEach(reasons::add);
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
        if (scoreBesidesMatches >= settings.rejectAt()) {
            reasons.add("risk score " + scoreBesidesMatches + (score > scoreBesidesMatches ? " without list matches" : "")
                    + " at or above the rejection threshold " + settings.rejectAt());
            return Decision.REJECTED;
        }
        long listedParties = input.screening().hits().stream().map(ListHit::entryKey).distinct().count();
        if (listedParties > 0) {
            reasons.add(listedParties + (listedParties == 1 ? " listed party potentially matches" : " listed parties potentially match")
                    + "; an analyst clears or confirms each");
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
