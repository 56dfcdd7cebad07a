package io.tenantgate.identity.client;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcClient;
import io.tenantgate.proto.reporting.v1.ComplianceEvent;
import io.tenantgate.proto.reporting.v1.EventType;
import io.tenantgate.proto.reporting.v1.RecordEventsRequest;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** identity-service's way to reporting-service: compliance events, with identity-service's own token. */
@ApplicationScoped
public class ReportingClient {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final ReportingServiceGrpc.ReportingServiceBlockingStub reporting;

    public ReportingClient(@GrpcClient("reporting") ReportingServiceGrpc.ReportingServiceBlockingStub reporting) {
        this.reporting = reporting;
    }

    /** Sends events in order; reporting-service ignores ids it has seen, so a resend is harmless. */
    public void record(List<Event> events) {
        RecordEventsRequest.Builder request = RecordEventsRequest.newBuilder();
        for (Event e : events) {
            request.addEvents(ComplianceEvent.newBuilder()
                    .setEventId(e.eventId().toString()).setCustomerId(e.customerId().toString())
                    .setSequence(e.sequence()).setType(EventType.valueOf("EVENT_TYPE_" + e.type()))
                    .setOccurredAt(Timestamp.newBuilder().setSeconds(e.occurredAt().toEpochSecond())
                            .setNanos(e.occurredAt().getNano()))
                    .setOutcome(e.outcome()).addAllReasons(e.reasons())
                    .setCustomerCountry(e.country()).setForeignPerson(e.foreignPerson()).setActor(e.actor()));
        }
        reporting.withWaitForReady().withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .recordEvents(request.build());
    }

    /** One outbox event as reporting-service receives it. */
    public record Event(UUID eventId, UUID customerId, long sequence, String type, OffsetDateTime occurredAt,
                        String outcome, List<String> reasons, String country, boolean foreignPerson, String actor) {
    }
}
