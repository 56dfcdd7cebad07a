package io.tenantgate.identity.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.svix.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Deliveries to a real receiver on this machine, every one verified with the Svix library (an independent
 * implementation of Standard Webhooks). Screening is not running here, so new cases are decided
 * PENDING_SCREENING: a decision like any other for the provider's systems.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "billing-system", roles = "onboarding")
class WebhookDeliveryTest {

    @Inject
    jakarta.persistence.EntityManager entities;

    @Inject
    CaseService cases;

    @Inject
    ObjectMapper json;

    private final Receiver receiver = new Receiver();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void everyEventArrivesSignedAndInOrder() throws Exception {
        Subscription subscription = subscribe(List.of("case.decided", "account.closed"));
        UUID id = openCase();
        cases.close(id, "customer left", "billing-system");

        List<Received> received = receiver.acceptedFor(id, 2);
        assertThat(received).extracting(r -> r.body().path("type").asText()).containsExactly("case.decided", "account.closed");
        for (Received each : received) {
            new Webhook(subscription.secret()).verify(each.raw(), each.headers()); // throws when the signature is wrong
            assertThat(each.body().path("data").path("decision").asText()).isNotBlank();
        }
        assertThat(received.get(0).body().path("data").path("accountIds").get(0).asText()).startsWith("acct-");

        given().when().get("/api/v1/webhooks/" + subscription.id() + "/deliveries?status=delivered")
                .then().statusCode(200).body("type", hasItem("account.closed")).body("[0].lastStatus", equalTo(204));

        // a case another integration client opened is none of this subscriber's business
        UUID othersCase = openCase("another-signup-flow");
        cases.close(othersCase, "customer left", "another-signup-flow");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from webhook_delivery where customer_id = ?1").setParameter(1, othersCase)
                .getSingleResult()).longValue())).isZero();
    }

    @Test
    void aReceiverThatWasDownGetsEverythingInOrderOnceItIsBack() throws Exception {
        Subscription subscription = subscribe(List.of("case.decided", "account.closed"));
        receiver.answer(503);
        UUID id = openCase();
        cases.close(id, "customer left", "billing-system");
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.refusedFor(id) >= 2);

        receiver.answer(204);

        List<Received> received = receiver.acceptedFor(id, 2);
        assertThat(received).extracting(r -> r.body().path("type").asText()).containsExactly("case.decided", "account.closed");
        new Webhook(subscription.secret()).verify(received.get(1).raw(), received.get(1).headers());
        given().when().get("/api/v1/webhooks/" + subscription.id() + "/deliveries")
                .then().statusCode(200).body("findAll { it.customerId == '" + id + "' }.status", org.hamcrest.Matchers
                        .everyItem(equalTo("delivered")));
    }

    @Test
    void aDeadLetteredEventIsReplayedWithItsWebhookId() throws Exception {
        Subscription subscription = subscribe(List.of("account.closed"));
        receiver.answer(500);
        UUID id = openCase();
        cases.close(id, "customer left", "billing-system");

        // retried for the configured time (8 s in tests), then parked as dead with the receiver's last answer
        String path = "/api/v1/webhooks/" + subscription.id() + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(path + "?status=dead")
                .then().statusCode(200).body("customerId", hasItem(id.toString())));
        JsonNode dead = json.readTree(given().when().get(path + "?status=dead").then().extract().asString()).get(0);
        assertThat(dead.path("lastError").asText()).isEqualTo("the receiver answered 500");
        assertThat(dead.path("attempts").asInt()).isGreaterThan(1);
        given().when().get(path + "/" + dead.path("id").asLong() + "/attempts").then().statusCode(200)
                .body("[0].status", equalTo(500));

        // a replay gets its own time to get through: failing once more does not dead-letter it again
        int refusedBefore = receiver.refusedFor(id);
        given().when().post(path + "/" + dead.path("id").asLong() + "/replay").then().statusCode(200)
                .body("status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.refusedFor(id) > refusedBefore);
        long deliveryId = dead.path("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> attemptsOf(path, deliveryId) > dead.path("attempts").asInt());
        given().when().get(path + "?status=pending").then().statusCode(200).body("id", hasItem((int) deliveryId));
        receiver.answer(204);

        Received replayed = receiver.acceptedFor(id, 1).get(0);
        assertThat(replayed.headers().firstValue("webhook-id")).contains(dead.path("webhookId").asText());
        new Webhook(subscription.secret()).verify(replayed.raw(), replayed.headers());
    }

    @Test
    void duringARotationBothSecretsVerify() throws Exception {
        Subscription subscription = subscribe(List.of("case.decided"));
        String rotated = given().when().post("/api/v1/webhooks/" + subscription.id() + "/secret")
                .then().statusCode(200).body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        UUID id = openCase();

        Received received = receiver.acceptedFor(id, 1).get(0);
        assertThat(received.headers().firstValue("webhook-signature").orElseThrow().split(" ")).hasSize(2);
        new Webhook(rotated).verify(received.raw(), received.headers());
        new Webhook(subscription.secret()).verify(received.raw(), received.headers());
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField() {
        given().contentType("application/json").body(Map.of("url", receiver.url(), "eventTypes", List.of("case.approved")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes")).body("detail", org.hamcrest.Matchers.containsString("case.approved"));
        given().contentType("application/json").body(Map.of("url", "ftp://example.com/hook", "eventTypes", List.of("case.decided")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().contentType("application/json").body(Map.of("url", "https://example.com/" + "a".repeat(2100),
                        "eventTypes", List.of("case.decided")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().when().get("/api/v1/webhooks/" + UUID.randomUUID()).then().statusCode(404);
    }

    private int attemptsOf(String path, long deliveryId) throws Exception {
        for (JsonNode delivery : json.readTree(given().when().get(path).then().extract().asString())) {
            if (delivery.path("id").asLong() == deliveryId) {
                return delivery.path("attempts").asInt();
            }
        }
        return 0;
    }

    private Subscription subscribe(List<String> types) {
        var created = given().contentType("application/json").body(Map.of("url", receiver.url(), "eventTypes", types))
                .when().post("/api/v1/webhooks")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract();
        return new Subscription(UUID.fromString(created.path("id")), created.path("secret"));
    }

    private UUID openCase() {
        return openCase("billing-system");
    }

    private UUID openCase(String client) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        CaseRequest request = json.convertValue(Map.of("kind", "PERSON", "legalName", "Webhook Subject " + marker,
                "countries", List.of("FR"), "accountIds", List.of("acct-" + marker)), CaseRequest.class);
        return cases.open(request, UUID.randomUUID().toString(), client, client).customerCase().id;
    }

    private record Subscription(UUID id, String secret) {
    }

    private record Received(String raw, JsonNode body, HttpHeaders headers, int answered) {
    }

    /** A receiver on a free local port: records every request and answers with the status it is told. */
    private final class Receiver {

        private final List<Received> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger status = new AtomicInteger(204);
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int answer = status.get();
                requests.add(new Received(raw, json.readTree(raw),
                        HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true), answer));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void answer(int code) {
            status.set(code);
        }

        int refusedFor(UUID caseId) {
            return (int) requests.stream().filter(r -> r.answered() >= 300 && concerns(r, caseId)).count();
        }

        /** Waits for this many accepted deliveries about the case and answers them in arrival order. */
        List<Received> acceptedFor(UUID caseId, int count) {
            await().atMost(Duration.ofSeconds(20)).until(() -> accepted(caseId).size() >= count);
            return accepted(caseId);
        }

        private List<Received> accepted(UUID caseId) {
            return requests.stream().filter(r -> r.answered() < 300 && concerns(r, caseId)).toList();
        }

        private boolean concerns(Received received, UUID caseId) {
            return received.body().path("data").path("caseId").asText().equals(caseId.toString());
        }
    }
}
