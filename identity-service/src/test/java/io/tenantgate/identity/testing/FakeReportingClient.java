package io.tenantgate.identity.testing;

import io.grpc.Status;
import io.tenantgate.identity.client.ReportingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for reporting-service where a test profile enables it (an alternative, off elsewhere): it takes
 * every event, except that it refuses, as reporting-service refuses an invalid batch, any batch holding an event
 * of a customer in {@link #REFUSED_COUNTRY}. It records the events it took.
 */
@Alternative
@ApplicationScoped
public class FakeReportingClient extends ReportingClient {

    /** Events of customers of this country are refused (INVALID_ARGUMENT). */
    public static final String REFUSED_COUNTRY = "TV";
    private static final Set<UUID> RECEIVED = ConcurrentHashMap.newKeySet();

    public FakeReportingClient() {
        super(null);
    }

    /** Whether an event of this customer was taken. */
    public static boolean received(UUID customerId) {
        return RECEIVED.contains(customerId);
    }

    @Override
    public void record(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            if (REFUSED_COUNTRY.equals(events.get(i).country())) {
                throw Status.INVALID_ARGUMENT.withDescription("events[" + i + "].customer_country: refused (fake)")
                        .asRuntimeException();
            }
        }
        events.forEach(event -> RECEIVED.add(event.customerId()));
    }
}
