package io.tenantgate.identity.testing;

import io.grpc.Status;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.client.ScreeningClient;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for screening-service where a test profile enables it (an alternative, off elsewhere): it finds nobody listed, refuses a profile
 * whose legal name contains "Refused" as screening-service refuses an invalid one (INVALID_ARGUMENT), and is
 * UNAVAILABLE while switched off. It counts the answers per legal name.
 */
@Alternative
@ApplicationScoped
public class FakeScreeningClient extends ScreeningClient {

    private static volatile boolean available = true;
    private static volatile long listChangeId;
    private static final Map<String, AtomicInteger> ANSWERED = new ConcurrentHashMap<>();

    public FakeScreeningClient() {
        super(null);
    }

    public static void available(boolean up) {
        available = up;
    }

    /** The list change every answer says it was computed with (0: does not say, as by default). */
    public static void answerAsOfChange(long changeId) {
        listChangeId = changeId;
    }

    /** Screenings answered for a customer of this legal name (refusals not counted). */
    public static int answered(String legalName) {
        return ANSWERED.getOrDefault(legalName, new AtomicInteger()).get();
    }

    @Override
    public ScreeningSummary screen(CaseRequest customer, List<ScreeningIdentifier> identifiers) {
        if (!available) {
            throw Status.UNAVAILABLE.withDescription("switched off (fake)").asRuntimeException();
        }
        if (customer.legalName().contains("Refused")) {
            throw Status.INVALID_ARGUMENT.withDescription("party.names: refused (fake)").asRuntimeException();
        }
        ANSWERED.computeIfAbsent(customer.legalName(), n -> new AtomicInteger()).incrementAndGet();
        return new ScreeningSummary(List.of(), List.of(), List.of(), List.of("INTERNAL:1"), 0.88, listChangeId);
    }
}
