package io.tenantgate.screening.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica takes traffic only once it screens against a loaded list. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    private final ActiveIndex index;

    public IndexReadinessCheck(ActiveIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        if (!index.ready()) {
            return HealthCheckResponse.down("screening index");
        }
        ActiveIndex.Snapshot snapshot = index.current();
        return HealthCheckResponse.named("screening index").up()
                .withData("entries", snapshot.engine().entryCount())
                .withData("changeId", snapshot.changeId())
                .withData("loadedAt", snapshot.loadedAt().toString())
                .build();
    }
}
