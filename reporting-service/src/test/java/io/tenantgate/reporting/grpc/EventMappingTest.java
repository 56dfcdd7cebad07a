package io.tenantgate.reporting.grpc;

import com.google.protobuf.Timestamp;
import io.tenantgate.proto.reporting.v1.ComplianceEvent;
import io.tenantgate.proto.reporting.v1.EventType;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventMappingTest {

    @Test
    void aValidEventIsConverted() {
        var entity = EventMapping.toEntities(List.of(valid().build())).get(0);
        assertEquals("DECISION", entity.type);
        assertEquals("FR", entity.customerCountry);
        assertEquals("a\nb", entity.reasons);
    }

    @Test
    void theOffendingFieldIsNamedWithItsPosition() {
        var bad = valid().setEventId("not-a-uuid").build();
        var error = assertThrows(IllegalArgumentException.class,
                () -> EventMapping.toEntities(List.of(valid().build(), bad)));
        assertEquals("events[1].event_id: must be a UUID", error.getMessage());
    }

    @Test
    void missingTypeCountryShapeAndActorAreRefused() {
        assertMessage(valid().setType(EventType.EVENT_TYPE_UNSPECIFIED), "events[0].type: must be given");
        assertMessage(valid().setCustomerCountry("France"),
                "events[0].customer_country: must be an ISO 3166-1 alpha-2 code");
        assertMessage(valid().setActor(" "), "events[0].actor: must be given");
        assertMessage(valid().setCustomerId("x".repeat(65)), "events[0].customer_id: at most 64 characters");
        assertMessage(valid().clearOccurredAt(), "events[0].occurred_at: must be given");
    }

    @Test
    void anEventRepeatedInOneBatchIsRefused() {
        var event = valid().build();
        var error = assertThrows(IllegalArgumentException.class, () -> EventMapping.toEntities(List.of(event, event)));
        assertEquals("events[1].event_id: repeated within the batch", error.getMessage());
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventMapping.toEntities(List.of()));
        var tooMany = Collections.nCopies(EventMapping.MAX_BATCH + 1, valid().build());
        assertThrows(IllegalArgumentException.class, () -> EventMapping.toEntities(tooMany));
    }

    private static void assertMessage(ComplianceEvent.Builder event, String expected) {
        var error = assertThrows(IllegalArgumentException.class, () -> EventMapping.toEntities(List.of(event.build())));
        assertEquals(expected, error.getMessage());
    }

    private static ComplianceEvent.Builder valid() {
        return ComplianceEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCustomerId("c-1")
                .setSequence(1)
                .setType(EventType.EVENT_TYPE_DECISION)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(1_790_000_000L))
                .setOutcome("APPROVED")
                .addReasons("a").addReasons("b")
                .setCustomerCountry("FR")
                .setForeignPerson(true)
                .setActor("identity-service");
    }
}
