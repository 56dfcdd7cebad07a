package io.tenantgate.identity.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.retry.Backoff;
import io.tenantgate.common.retry.Failures;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.config.IdentityConfig;
import io.tenantgate.identity.evidence.EvidenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Screens again the cases that wait in PENDING_SCREENING (screening-service was away when they were opened).
 * Each case is claimed with a lease, so two replicas never screen the same case, and screened outside any
 * transaction. A refusal that trying again cannot change (screening-service finds the profile invalid, or the
 * stored profile cannot be read) parks the case with its reason: it stays PENDING_SCREENING, never approved
 * unscreened, and shows at /api/v1/parked. Any other failure makes the case wait with backoff and jitter; the
 * round then stops, since screening-service is most likely away, and the cases behind are not held up by it:
 * a case is claimed only once its own wait is over, oldest wait first.
 */
@ApplicationScoped
public class PendingScreening {

    private static final Logger LOG = Logger.getLogger(PendingScreening.class);
    /** Longer than a screening call with its timeout: a replica that dies holding a case frees it after this. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int CASES_PER_ROUND = 50;

    private final CaseRepository cases;
    private final CaseService decisions;
    private final CurrentScreening screening;
    private final EvidenceRepository evidence;
    private final Backoff backoff;

    public PendingScreening(CaseRepository cases, CaseService decisions, CurrentScreening screening,
                            EvidenceRepository evidence, IdentityConfig config) {
        this.cases = cases;
        this.decisions = decisions;
        this.screening = screening;
        this.evidence = evidence;
        this.backoff = new Backoff(config.screeningRetryInterval(), config.screeningRetryMax());
    }

    @Scheduled(every = "${tenantgate.identity.screening-retry-interval}", delayed = "${tenantgate.identity.screening-retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    public void retryPendingScreenings() {
        for (int i = 0; i < CASES_PER_ROUND; i++) {
            Optional<CaseRepository.WaitingCase> claimed = QuarkusTransaction.requiringNew()
                    .call(() -> cases.claimWaitingForScreening(LEASE));
            if (claimed.isEmpty() || !screenAndDecide(claimed.get())) {
                return;
            }
        }
    }

    /** @return false when screening-service seems away, so the round should stop */
    boolean screenAndDecide(CaseRepository.WaitingCase waiting) {
        CaseRequest profile;
        List<ScreeningIdentifier> identifiers;
        try {
            profile = QuarkusTransaction.requiringNew().call(() -> cases.findById(waiting.id()).profile());
            identifiers = QuarkusTransaction.requiringNew().call(() -> evidence.identifiers(waiting.id()));
        } catch (RuntimeException unreadable) {
            park(waiting, "the stored profile or documents cannot be read: " + Failures.describe(unreadable));
            return true;
        }
        ScreeningSummary summary;
        try {
            summary = screening.screen(profile, identifiers);
        } catch (RuntimeException failed) {
            if (Failures.isPermanent(failed)) {
                park(waiting, "screening-service refused the profile: " + Failures.describe(failed));
                return true;
            }
            Duration wait = backoff.jittered(waiting.attempts() + 1);
            LOG.debugf("Case %s still cannot be screened (%s); next attempt in %d s", waiting.id(),
                    Failures.describe(failed), wait.toSeconds());
            QuarkusTransaction.requiringNew().run(() -> cases.screeningFailed(waiting.id(), wait));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> decisions.completeScreening(waiting.id(), identifiers, summary));
        return true;
    }

    private void park(CaseRepository.WaitingCase waiting, String reason) {
        LOG.warnf("Case %s parked after %d attempts: %s", waiting.id(), waiting.attempts() + 1, reason);
        QuarkusTransaction.requiringNew().run(() -> cases.parkScreening(waiting.id(), reason));
    }
}
