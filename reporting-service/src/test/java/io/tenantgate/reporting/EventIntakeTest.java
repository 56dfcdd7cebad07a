package io.tenantgate.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.reporting.events.ComplianceEvent;
import io.tenantgate.reporting.events.EventIntakeService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class EventIntakeTest {

    @Inject
    EventIntakeService intake;

    @Test
    void redeliveredEventsAreRecognisedAndNotStoredTwice() {
        String customer = "cust-" + UUID.randomUUID();
        ComplianceEvent first = event(customer, 1);
        ComplianceEvent second = event(customer, 2);

        EventIntakeService.IntakeResult initial = intake.record(List.of(first, second));
        EventIntakeService.IntakeResult redelivery = intake.record(List.of(event(customer, 2, second.eventId)));

        assertEquals(List.of(first.eventId, second.eventId), initial.recorded());
        assertEquals(List.of(), redelivery.recorded());
        assertEquals(List.of(second.eventId), redelivery.duplicates());
        assertEquals(2, intake.page(customer, 0, 10).total());
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void operatorsPageThroughEventsOfACustomer() {
        String customer = "cust-" + UUID.randomUUID();
        intake.record(List.of(event(customer, 1), event(customer, 2), event(customer, 3)));

        given().queryParam("customerId", customer).queryParam("size", 2)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(2))
                .body("items[0].reasons", contains("list hit", "high risk"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOversizedPageIsRefusedNamingTheParameter() {
        given().queryParam("size", 100_000)
                .when().get("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        // page times size would overflow: refused, not a 500
        given().queryParam("page", Integer.MAX_VALUE)
                .when().get("/api/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
    }

    @Test
    @TestSecurity(user = "alan", roles = "analyst")
    void analystsMayNotReadTheEventLog() {
        given().when().get("/api/v1/events").then().statusCode(403);
    }

    private static ComplianceEvent event(String customer, long sequence) {
        return event(customer, sequence, UUID.randomUUID());
    }

    private static ComplianceEvent event(String customer, long sequence, UUID id) {
        ComplianceEvent e = new ComplianceEvent();
        e.eventId = id;
        e.customerId = customer;
        e.sequence = sequence;
        e.type = "DECISION";
        e.occurredAt = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        e.outcome = "REVIEW";
        e.reasons = "list hit\nhigh risk";
        e.customerCountry = "DE";
        e.foreignPerson = true;
        e.actor = "identity-service";
        return e;
    }
}
