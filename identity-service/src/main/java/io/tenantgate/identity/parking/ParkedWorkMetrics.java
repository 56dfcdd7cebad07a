package io.tenantgate.identity.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tenantgate_parked_items{kind}}: parked items per kind, counted on a timer rather than on every scrape,
 * so scrapes never scan the case table. The k8s PrometheusRule alerts when it stays above zero.
 */
@Startup
@ApplicationScoped
public class ParkedWorkMetrics {

    private static final Logger LOG = Logger.getLogger(ParkedWorkMetrics.class);

    private final ParkedWork parked;
    private final Map<ParkedWork.Kind, AtomicLong> counts = new EnumMap<>(ParkedWork.Kind.class);

    public ParkedWorkMetrics(ParkedWork parked, MeterRegistry registry) {
        this.parked = parked;
        for (ParkedWork.Kind kind : ParkedWork.Kind.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(kind, count);
            Gauge.builder("tenantgate.parked.items", count, AtomicLong::get)
                    .description("Work items parked after a permanent failure, waiting for an operator")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    @Scheduled(every = "${tenantgate.identity.parked-count-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            counts.forEach((kind, count) -> count.set(parked.count(kind)));
        } catch (RuntimeException unavailable) {
            LOG.debugf("Parked items not counted: %s", unavailable.getMessage());
        }
    }
}
