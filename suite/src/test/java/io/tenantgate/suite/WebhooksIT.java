package io.tenantgate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.svix.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The provider's systems hear of every decision through a webhook subscription, on the running suite: each
 * delivery signed and verified with the Svix library, a list change that makes an approved customer a
 * potential match reaching them as a hold recommendation, a receiver that was down catching up in order, and
 * a delivery dead-lettered after the retry window sent again by a replay.
 */
@ExtendWith(SuiteExtension.class)
class WebhooksIT {

    /** How long the shared suite retries a delivery before dead-lettering it ({@link SuiteExtension} sets it). */
    static final Duration RETRY_FOR = Duration.ofSeconds(100);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TenantgateSuite suite;
    private static Tokens tokens;
    private static String identity;
    private static final Receiver RECEIVER = new Receiver();
    /** Down all along: its deliveries are dead-lettered, then replayed. */
    private static final Receiver NEVER_UP = new Receiver();

    @BeforeAll
    static void subscribe(TenantgateSuite running) throws IOException {
        suite = running;
        tokens = new Tokens(running);
        identity = running.settings().serviceUrl(Service.IDENTITY);
        RECEIVER.subscribe();
        NEVER_UP.subscribe();
    }

    /** The suite is shared: later tests' cases are not sent to a receiver that is gone. */
    @AfterAll
    static void unsubscribe() {
        RECEIVER.unsubscribe();
        NEVER_UP.unsubscribe();
    }

    @Test
    void aListChangeThatMakesAnApprovedCustomerAMatchRecommendsAHold() {
        String name = "Velquist Compute Labs " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = open(name);
        assertThat(RECEIVER.acceptedFor(id, 1).get(0).body().path("data").path("decision").asText()).isEqualTo("APPROVED");

        Instant listed = Instant.now();
        String internalList = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n"
                + "w-1," + name + ",,entity,SG,,,,provider's own block list\n";
        ListUploads.replaceInternalList(tokens.user("operator"), tokens.user("supervisor"),
                suite.settings().serviceUrl(Service.SCREENING), internalList.getBytes(StandardCharsets.UTF_8));

        List<Received> received = RECEIVER.acceptedFor(id, 5);
        Duration toHold = Duration.between(listed, received.get(4).at());
        System.out.printf("list import to account.hold_recommended delivered: %d ms%n", toHold.toMillis());
        assertThat(received).extracting(Received::type).containsExactly("case.decided", "case.decided",
                "case.review_opened", "case.reopened", "account.hold_recommended");
        JsonNode hold = received.get(4).body().path("data");
        assertThat(hold.path("decision").asText()).isEqualTo("REVIEW");
        assertThat(hold.path("reasons").get(0).asText()).contains("INTERNAL:w-1");
        assertThat(hold.path("accountIds").get(0).asText()).isEqualTo("acct-" + name.hashCode());
        received.forEach(RECEIVER::verify);
    }

    @Test
    void aReceiverDownForAMinuteReceivesEverythingInOrderAndADeadLetteredDeliveryIsReplayed() {
        RECEIVER.answer(503);
        NEVER_UP.answer(503);
        Instant down = Instant.now();
        String id = open("Orlent Grid Services " + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        given().auth().oauth2(tokens.client("onboarding-demo")).contentType("application/json")
                .body(Map.of("reason", "contract ended")).when().post(identity + "/api/v1/customers/" + id + "/close")
                .then().statusCode(200);

        await("the receiver refused deliveries for a minute").atMost(Duration.ofSeconds(120))
                .until(() -> RECEIVER.refusedFor(id) >= 2 && Instant.now().isAfter(down.plusSeconds(60)));
        RECEIVER.answer(204);

        List<Received> received = RECEIVER.acceptedFor(id, 2);
        assertThat(received).extracting(Received::type).containsExactly("case.decided", "account.closed");
        received.forEach(RECEIVER::verify);
        given().auth().oauth2(tokens.client("onboarding-demo")).when().get(identity + "/api/v1/webhooks")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(RECEIVER.subscription));

        // the other receiver never answered: after the retry window both its deliveries are dead-lettered
        await("dead-lettered after " + RETRY_FOR).atMost(RETRY_FOR.plusSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> NEVER_UP.deliveriesFor(id).stream().filter(d -> d.path("status").asText().equals("dead"))
                        .count() == 2);
        JsonNode dead = NEVER_UP.deliveriesFor(id).stream().filter(d -> d.path("type").asText().equals("case.decided"))
                .findFirst().orElseThrow();
        assertThat(dead.path("lastStatus").asInt()).isEqualTo(503);
        assertThat(NEVER_UP.refusedFor(id)).isGreaterThanOrEqualTo(dead.path("attempts").asLong());

        NEVER_UP.answer(204);
        given().auth().oauth2(tokens.client("onboarding-demo"))
                .when().post(identity + "/api/v1/webhooks/" + NEVER_UP.subscription + "/deliveries/" + dead.path("id").asLong()
                        + "/replay")
                .then().statusCode(200).body("status", equalTo("pending"));
        Received replayed = NEVER_UP.acceptedFor(id, 1).get(0);
        assertThat(replayed.type()).isEqualTo("case.decided");
        assertThat(replayed.headers().firstValue("webhook-id")).contains(dead.path("webhookId").asText());
        NEVER_UP.verify(replayed);
        await().atMost(Duration.ofSeconds(30)).until(() -> NEVER_UP.deliveriesFor(id).stream()
                .anyMatch(d -> d.path("id").asLong() == dead.path("id").asLong() && d.path("status").asText().equals("delivered")));
    }

    private static String open(String name) {
        return given().auth().oauth2(tokens.client("onboarding-demo")).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "ORGANIZATION", "legalName", name, "countries", List.of("SG"),
                        "accountIds", List.of("acct-" + name.hashCode()),
                        "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Singapore", "country", "SG"))))
                .when().post(identity + "/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private record Received(String raw, JsonNode body, HttpHeaders headers, int answered, Instant at) {

        String type() {
            return body.path("type").asText();
        }
    }

    /**
     * A receiver on a free local port, subscribed to every event: records every request and answers with the
     * status it is told.
     */
    private static final class Receiver {

        private final List<Received> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger status = new AtomicInteger(204);
        private final AtomicReference<HttpServer> server = new AtomicReference<>();
        private String secret;
        private String subscription;

        void subscribe() throws IOException {
            start();
            var created = given().auth().oauth2(tokens.client("onboarding-demo")).contentType("application/json")
                    .body(Map.of("url", url(), "eventTypes", LocalWebhookReceiver.EVENTS))
                    .when().post(identity + "/api/v1/webhooks")
                    .then().statusCode(201).extract();
            secret = created.path("secret");
            subscription = created.path("id");
        }

        void unsubscribe() {
            given().auth().oauth2(tokens.client("onboarding-demo")).when().delete(identity + "/api/v1/webhooks/" + subscription)
                    .then().statusCode(204);
            server.get().stop(0);
        }

        /** The Svix library's verification of the Standard Webhooks signature; throws when it does not hold. */
        void verify(Received received) {
            try {
                new Webhook(secret).verify(received.raw(), received.headers());
            } catch (Exception e) {
                throw new AssertionError("delivery " + received.headers().firstValue("webhook-id") + " does not verify: " + e, e);
            }
        }

        /** This subscription's delivery log for one case, as identity-service shows it. */
        List<JsonNode> deliveriesFor(String caseId) {
            String log = given().auth().oauth2(tokens.client("onboarding-demo")).queryParam("size", 200)
                    .when().get(identity + "/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().statusCode(200).extract().asString();
            List<JsonNode> mine = new java.util.ArrayList<>();
            read(log).forEach(delivery -> {
                if (delivery.path("customerId").asText().equals(caseId)) {
                    mine.add(delivery);
                }
            });
            return mine;
        }

        private void start() throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/hook", exchange -> {
                String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int answer = status.get();
                requests.add(new Received(raw, read(raw), HttpHeaders.of(exchange.getRequestHeaders(), (n, v) -> true),
                        answer, Instant.now()));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            http.start();
            server.set(http);
        }

        String url() {
            return "http://127.0.0.1:" + server.get().getAddress().getPort() + "/hook";
        }

        void answer(int code) {
            status.set(code);
        }

        long refusedFor(String caseId) {
            return requests.stream().filter(r -> r.answered() >= 300 && concerns(r, caseId)).count();
        }

        List<Received> acceptedFor(String caseId, int count) {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted(caseId).size() >= count);
            return accepted(caseId);
        }

        private List<Received> accepted(String caseId) {
            return requests.stream().filter(r -> r.answered() < 300 && concerns(r, caseId)).toList();
        }

        private static boolean concerns(Received received, String caseId) {
            return received.body().path("data").path("caseId").asText().equals(caseId);
        }

        private static JsonNode read(String raw) {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
