package io.tenantgate.identity.client;

import io.quarkus.runtime.StartupEvent;
import io.tenantgate.identity.cases.CaseRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The replica reports ready once its way to screening-service is warm: the channel open, the service token
 * fetched, and the screening and decision paths run a few dozen times, so the first sign-ups after a start do
 * not spend their screening timeout on that. When screening-service cannot be reached within a minute the
 * replica becomes ready anyway: sign-ups then wait in PENDING_SCREENING (fail closed), as at any other time.
 */
@Readiness
@ApplicationScoped
public class ScreeningWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ScreeningWarmUp.class);
    static final int SCREENINGS = 60;
    private static final Duration REACH_DEADLINE = Duration.ofSeconds(60);

    private final ScreeningClient screening;
    private volatile boolean done;
    private volatile String outcome = "warming up";

    public ScreeningWarmUp(ScreeningClient screening) {
        this.screening = screening;
    }

    void onStart(@Observes StartupEvent start) {
        Thread warmUp = new Thread(this::warmUp, "screening-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void warmUp() {
        long began = System.nanoTime();
        try {
            if (!screening.awaitReachable(REACH_DEADLINE)) {
                outcome = "screening-service not reachable; sign-ups wait in PENDING_SCREENING until it is";
                return;
            }
            int answered = 0;
            for (int i = 0; i < SCREENINGS; i++) {
                try {
                    screening.screen(profile(i), List.of());
                    answered++;
                } catch (RuntimeException failed) {
                    LOG.debugf("Warm-up screening failed: %s", failed.getMessage());
                }
            }
            outcome = answered + " of " + SCREENINGS + " warm-up screenings answered in "
                    + (System.nanoTime() - began) / 1_000_000 + " ms";
        } finally {
            done = true;
            LOG.infof("Screening warm-up done: %s", outcome);
        }
    }

    /** A foreign organisation with an owner, or a person, under a made-up name: read-only, nothing is stored. */
    private static CaseRequest profile(int i) {
        CaseRequest.Address address = new CaseRequest.Address(List.of("1 Warm-up Street"), "Singapore", null, null, "SG");
        List<CaseRequest.Owner> owners = i % 2 == 0 ? List.of() : List.of(new CaseRequest.Owner(
                CaseRequest.Kind.PERSON, "Warmup Owner " + i, null, List.of("SG"), List.of(), 60, false, List.of()));
        return new CaseRequest(i % 2 == 0 ? CaseRequest.Kind.PERSON : CaseRequest.Kind.ORGANIZATION,
                "Warmup Customer " + i, List.of(), null, List.of("SG"), List.of(address), List.of(), List.of(), List.of(),
                null, owners);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("screening warm-up").status(done).withData("outcome", outcome).build();
    }
}
