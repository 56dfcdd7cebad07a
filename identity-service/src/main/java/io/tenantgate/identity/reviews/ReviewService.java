package io.tenantgate.identity.reviews;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.cases.CaseRepository;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.ReviewProposal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Analysts work the review queue. Rejecting takes one person. Clearing takes one analyst for an ordinary
 * case, and for a high-risk case (a list match, or a risk score at the high-risk mark) two different people,
 * the second a supervisor: four eyes, never the same user twice. Every step is audited and reported.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final CaseRepository cases;
    private final CaseService caseService;
    private final int highRiskScore;

    public ReviewService(CaseRepository cases, CaseService caseService,
                         io.tenantgate.identity.config.IdentityConfig config) {
        this.cases = cases;
        this.caseService = caseService;
        this.highRiskScore = config.highRiskScore();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerCase> queue(int page, int size) {
        return cases.find("decision", io.quarkus.panache.common.Sort.by("createdAt"), Decision.REVIEW)
                .page(page, size).list();
    }

    /** Records a reviewer's outcome; {@code version} must be the case version the reviewer looked at. */
    @Transactional
    public CustomerCase decide(UUID id, long version, Outcome outcome, String reason, String reviewer, boolean supervisor) {
        CustomerCase subject = caseService.get(id);
        if (subject.version != version) {
            throw ProblemException.conflict("case " + id + " changed since version " + version + " (now "
                    + subject.version + "); reload it before deciding");
        }
        if (subject.decision != Decision.REVIEW) {
            throw ProblemException.conflict("case " + id + " is " + subject.decision + ", not under review");
        }
        if (outcome == Outcome.REJECT) {
            return conclude(subject, Decision.REJECTED, reviewer, "rejected by " + reviewer + ": " + reason);
        }
        if (!highRisk(subject)) {
            return conclude(subject, Decision.APPROVED, reviewer, "cleared by " + reviewer + ": " + reason);
        }
        ReviewProposal proposal = subject.reviewProposal;
        if (proposal == null) {
            subject.reviewProposal = new ReviewProposal(reviewer, reason, OffsetDateTime.now(ZoneOffset.UTC));
            caseService.record(subject, reviewer, "clearance-proposed", Map.of("reason", reason,
                    "awaiting", "a supervisor's sign-off (four eyes)"));
            return subject;
        }
        if (proposal.proposedBy().equals(reviewer)) {
            throw ProblemException.conflict("four-eyes", "A second person must sign off",
                    reviewer + " proposed this clearance; another person with the supervisor role must sign it off");
        }
        if (!supervisor) {
            throw ProblemException.refused("four-eyes", "A supervisor must sign off",
                    "clearing a high-risk case needs the supervisor role for the second pair of eyes");
        }
        return conclude(subject, Decision.APPROVED, reviewer, "cleared by " + proposal.proposedBy() + " ("
                + proposal.reason() + "), signed off by " + reviewer + ": " + reason);
    }

    private boolean highRisk(CustomerCase subject) {
        boolean listMatch = subject.screening != null && !subject.screening.hits().isEmpty();
        return listMatch || subject.riskScore >= highRiskScore;
    }

    private CustomerCase conclude(CustomerCase subject, Decision decision, String reviewer, String why) {
        if (decision == Decision.APPROVED && subject.screening != null) {
            List<String> cleared = new ArrayList<>(subject.clearedEntries);
            subject.screening.hits().forEach(hit -> cleared.add(hit.entryKey()));
            subject.clearedEntries = cleared.stream().distinct().toList();
        }
        subject.reviewProposal = null;
        subject.decision = decision;
        List<String> reasons = new ArrayList<>(List.of(why));
        reasons.addAll(subject.reasons);
        subject.reasons = reasons;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision.name());
        detail.put("why", why);
        caseService.record(subject, reviewer, "reviewed", detail);
        caseService.report(subject, "REVIEW_OUTCOME", reviewer, subject.reasons);
        LOG.infof("Case %s reviewed: %s by %s", subject.id, decision, reviewer);
        return subject;
    }

    /** What a reviewer decides. */
    public enum Outcome { CLEAR, REJECT }
}
