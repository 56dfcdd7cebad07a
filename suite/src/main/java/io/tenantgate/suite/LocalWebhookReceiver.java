package io.tenantgate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the provider's systems on a local run: it subscribes to identity-service's webhooks as the
 * onboarding-demo integration, verifies each delivery's Standard Webhooks signature with the secret it was
 * given, prints it and keeps it. It answers on loopback only, on a free port; a delivery that does not verify
 * is refused (401) and printed as such.
 */
final class LocalWebhookReceiver implements AutoCloseable {

    static final List<String> EVENTS = List.of("case.decided", "case.review_opened", "case.review_closed",
            "case.reopened", "account.hold_recommended", "account.closed");
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One verified delivery. */
    record Delivery(String webhookId, String type, String caseId, String decision, String reason, Instant at) {
    }

    private final HttpServer server;
    private final PrintStream echo;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private volatile String secret;

    private LocalWebhookReceiver(HttpServer server, PrintStream echo) {
        this.server = server;
        this.echo = echo;
    }

    static LocalWebhookReceiver start(PrintStream echo) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalWebhookReceiver receiver = new LocalWebhookReceiver(server, echo);
            server.createContext("/webhooks", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("the local webhook receiver did not start: " + e.getMessage(), e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    /** Subscribes this receiver to every event as the integration whose token this is; answers the subscription id. */
    String subscribe(String identityUrl, String token) {
        JsonNode created = call("POST", identityUrl + "/api/v1/webhooks", token, Map.of("url", url(), "eventTypes", EVENTS), 201);
        secret = created.path("secret").asText();
        return created.path("id").asText();
    }

    void unsubscribe(String identityUrl, String token, String subscriptionId) {
        call("DELETE", identityUrl + "/api/v1/webhooks/" + subscriptionId, token, null, 204);
    }

    /** Removes the integration's subscriptions to loopback receivers of earlier runs, which are gone. */
    static void removeLoopbackSubscriptions(String identityUrl, String token) {
        for (JsonNode subscription : call("GET", identityUrl + "/api/v1/webhooks", token, null, 200)) {
            if (subscription.path("url").asText().startsWith("http://127.0.0.1:")) {
                call("DELETE", identityUrl + "/api/v1/webhooks/" + subscription.path("id").asText(), token, null, 204);
            }
        }
    }

    List<Delivery> deliveries() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String problem = secret == null ? "not subscribed yet"
                    : verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            if (problem != null) {
                echo.println("webhook " + id + " refused: " + problem);
                exchange.sendResponseHeaders(problem.equals("not subscribed yet") ? 503 : 401, -1);
                return;
            }
            JsonNode event = JSON.readTree(body);
            JsonNode data = event.path("data");
            Delivery delivery = new Delivery(id, event.path("type").asText(), data.path("caseId").asText(),
                    data.path("decision").asText(), data.path("reasons").path(0).asText(), Instant.now());
            if (received.stream().noneMatch(earlier -> earlier.webhookId().equals(id))) {
                received.add(delivery);
                echo.println("webhook " + delivery.type() + " for case " + delivery.caseId() + ": " + delivery.decision()
                        + " (signature verified)");
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Why the delivery does not verify, or null when it does (any one of the listed signatures may match). */
    private String verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return "webhook-id, webhook-timestamp or webhook-signature missing";
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number";
        }
        if (Duration.between(Instant.ofEpochSecond(sent), Instant.now()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            return "webhook-timestamp is more than 5 minutes away";
        }
        byte[] expected = hmac(id + "." + timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
        }
        return "no signature verifies";
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static JsonNode call(String method, String url, String token, Object body, int status) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
