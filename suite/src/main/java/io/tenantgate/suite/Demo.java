package io.tenantgate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ./tenantgate demo}: the Customer Identification Program's main flows against a running suite, through
 * its public APIs with real tokens, each printed with what happened and whether that was what should happen.
 */
public final class Demo {

    /** One flow: its name, whether it ended as it should, and what was seen. */
    public record Outcome(String flow, boolean asExpected, String detail) {
    }

    private final SuiteSettings settings;
    private final Map<String, String> clientSecrets;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    public Demo(SuiteSettings settings, Map<String, String> clientSecrets, PrintStream out) {
        this.settings = settings;
        this.clientSecrets = clientSecrets;
        this.out = out;
    }

    /** Runs every flow, printing each as it ends; answers the outcomes. */
    public List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(flow("A clean foreign person is approved", this::cleanForeignPerson));
        outcomes.add(flow("An Entity List company is rejected", this::entityListCompany));
        outcomes.add(flow("A potential match is reviewed and cleared with four eyes", this::fourEyesClearance));
        outcomes.add(flow("A US shell owned 60 % by a listed entity is caught through its owners", this::usShell));
        outcomes.add(flow("Documents and payment instruments are checked and shown masked", this::documentsAndPayment));
        outcomes.add(flow("A list update reopens an approved customer and the provider is told to hold its compute",
                this::listUpdate));
        long failed = outcomes.stream().filter(o -> !o.asExpected()).count();
        out.println(failed == 0 ? "\nAll " + outcomes.size() + " flows ended as expected."
                : "\n" + failed + " of " + outcomes.size() + " flows did not end as expected.");
        return outcomes;
    }

    private Outcome flow(String name, Flow flow) {
        out.println("\n== " + name);
        Outcome outcome;
        try {
            String detail = flow.run();
            outcome = new Outcome(name, true, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome(name, false, "interrupted");
        } catch (Exception e) {
            outcome = new Outcome(name, false, e.getMessage());
        }
        out.println((outcome.asExpected() ? "   OK: " : "   UNEXPECTED: ") + outcome.detail());
        return outcome;
    }

    private String cleanForeignPerson() throws Exception {
        JsonNode opened = open(Map.of("kind", "PERSON", "legalName", "Amelie Laurent", "countries", List.of("FR"),
                "date", Map.of("year", 1985, "month", 4, "day", 12),
                "addresses", List.of(address("12 rue de Rivoli", "Paris", "FR"))));
        expect(opened, "decision", "APPROVED");
        return "APPROVED as " + opened.path("personStatus").asText() + ", risk score " + opened.path("riskScore").asInt()
                + ", screened against " + opened.path("screening").path("listVersions");
    }

    private String entityListCompany() throws Exception {
        JsonNode opened = open(Map.of("kind", "ORGANIZATION", "legalName", "Bel Huawei Technologies LLC",
                "countries", List.of("BY")));
        expect(opened, "decision", "REJECTED");
        JsonNode hit = opened.path("screening").path("hits").path(0);
        return "REJECTED: " + hit.path("matchedName").asText() + " (" + hit.path("entryKey").asText() + ", "
                + hit.path("sources") + "), score " + hit.path("score").asText();
    }

    private String fourEyesClearance() throws Exception {
        JsonNode opened = open(Map.of("kind", "PERSON", "legalName", "Nikolas Maduro Morros", "countries", List.of("CO"),
                "addresses", List.of(address("Carrera 7 71-21", "Bogota", "CO"))));
        expect(opened, "decision", "REVIEW");
        String id = opened.path("id").asText();
        out.println("   opened " + id + ": REVIEW, " + opened.path("reasons").path(0).asText());
        String analyst = userToken("analyst");
        JsonNode proposed = send("POST", "/api/v1/reviews/" + id, analyst, Map.of("outcome", "CLEAR",
                "reason", "different person: other date of birth and nationality", "version", opened.path("version").asLong()), 200);
        if (proposed.path("awaitingSignOff").isNull() || proposed.path("awaitingSignOff").isMissingNode()) {
            throw new Unexpected("a high-risk clearance did not wait for a supervisor: " + proposed.path("decision"));
        }
        out.println("   analyst proposed the clearance; it waits for a supervisor");
        JsonNode refused = send("POST", "/api/v1/reviews/" + id, analyst, Map.of("outcome", "CLEAR",
                "reason", "signing off my own proposal", "version", proposed.path("version").asLong()), 409);
        out.println("   the same analyst signing off was refused: " + refused.path("title").asText());
        JsonNode cleared = send("POST", "/api/v1/reviews/" + id, userToken("supervisor"), Map.of("outcome", "CLEAR",
                "reason", "agree: not the listed person", "version", proposed.path("version").asLong()), 200);
        expect(cleared, "decision", "APPROVED");
        return "APPROVED after the supervisor's sign-off; " + cleared.path("reasons").path(0).asText();
    }

    private String usShell() throws Exception {
        JsonNode opened = open(Map.of("kind", "ORGANIZATION", "legalName", "Bluewater Compute Holdings LLC",
                "countries", List.of("US"), "owners", List.of(Map.of("kind", "ORGANIZATION",
                        "name", "Bel Huawei Technologies LLC", "countries", List.of("BY"), "percentage", 60))));
        expect(opened, "decision", "REJECTED");
        return "REJECTED: " + opened.path("reasons").path(0).asText();
    }

    private String documentsAndPayment() throws Exception {
        JsonNode opened = open(Map.of("kind", "PERSON", "legalName", "Lukas Schneider", "countries", List.of("DE"),
                "addresses", List.of(address("Unter den Linden 5", "Berlin", "DE")),
                "date", Map.of("year", 1979, "month", 11, "day", 3), "accountIds", List.of("demo-" + run)));
        String id = opened.path("id").asText();
        String onboarding = clientToken("onboarding-demo");
        JsonNode document = send("POST", "/api/v1/customers/" + id + "/documents", onboarding, Map.of(
                "type", "NATIONAL_ID", "number", "L01X00T47", "issuingCountry", "DE", "expiry", "2031-08-31"), 201);
        JsonNode payment = send("POST", "/api/v1/customers/" + id + "/payment-instruments", onboarding, Map.of(
                "type", "BANK_ACCOUNT", "identifier", "DE89 3704 0044 0532 0130 00", "sourceOfFunds", "salary",
                "accountId", "demo-" + run), 201);
        List<String> failed = new ArrayList<>();
        for (JsonNode check : List.of(document.path("checks"), payment.path("checks"))) {
            check.forEach(c -> {
                if (c.path("outcome").asText().equals("FAIL")) {
                    failed.add(c.path("name").asText());
                }
            });
        }
        if (!failed.isEmpty()) {
            throw new Unexpected("checks failed: " + failed);
        }
        return "national ID " + document.path("maskedNumber").asText() + " and IBAN "
                + payment.path("maskedIdentifier").asText() + " (" + payment.path("issuingCountry").asText()
                + ") passed their checks; numbers are stored sealed (AES-GCM)";
    }

    /**
     * The provider's systems subscribe to webhooks (a receiver in this process stands in for them), an approved
     * customer is named by a list update, its case is reopened and the receiver is told to hold its compute.
     */
    private String listUpdate() throws Exception {
        String identity = settings.serviceUrl(Service.IDENTITY);
        String onboarding = clientToken("onboarding-demo");
        try (LocalWebhookReceiver provider = LocalWebhookReceiver.start(new PrintStream(OutputStream.nullOutputStream()))) {
            String subscription = provider.subscribe(identity, onboarding);
            out.println("   the provider's systems subscribed to webhooks at " + provider.url());
            String name = "Quorvex Data Systems " + run;
            JsonNode opened = open(Map.of("kind", "ORGANIZATION", "legalName", name, "countries", List.of("SG"),
                    "addresses", List.of(address("1 Raffles Place", "Singapore", "SG"))));
            expect(opened, "decision", "APPROVED");
            String id = opened.path("id").asText();
            out.println("   " + name + " approved; now the provider's internal list gains an entry with its name");
            String list = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n"
                    + "demo-" + run + "," + name + ",,entity,SG,,,,added by ./tenantgate demo\n";
            Instant listed = Instant.now();
            upload("internal", list);
            String analyst = userToken("analyst");
            JsonNode current = opened;
            Instant deadline = Instant.now().plusSeconds(60);
            while (!current.path("decision").asText().equals("REVIEW") && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                current = send("GET", "/api/v1/customers/" + id, analyst, null, 200);
            }
            expect(current, "decision", "REVIEW");
            out.println("   REVIEW: " + current.path("reasons").path(0).asText());
            Optional<LocalWebhookReceiver.Delivery> hold = Optional.empty();
            while (hold.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                hold = provider.deliveries().stream().filter(d -> d.caseId().equals(id)
                        && d.type().equals("account.hold_recommended")).findFirst();
            }
            provider.unsubscribe(identity, onboarding, subscription);
            LocalWebhookReceiver.Delivery told = hold.orElseThrow(() -> new Unexpected(
                    "no account.hold_recommended reached the provider's systems within 60 s of the list update"));
            return "the provider's systems were told account.hold_recommended (signature verified) "
                    + Duration.between(listed, told.at()).toSeconds() + " s after the list update";
        }
    }

    /**
     * Opens a case. Should screening not answer within the request, the case waits in PENDING_SCREENING (it
     * is never approved unscreened) and is screened again shortly: the demo says so and waits for it.
     */
    private JsonNode open(Map<String, Object> customer) throws IOException, InterruptedException, Unexpected {
        HttpRequest request = authorized(URI.create(settings.serviceUrl(Service.IDENTITY) + "/api/v1/customers"),
                clientToken("onboarding-demo"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(customer))).build();
        JsonNode opened = answer(request, 201);
        if (!opened.path("decision").asText().equals("PENDING_SCREENING")) {
            return opened;
        }
        out.println("   screening-service did not answer in time: the case waits in PENDING_SCREENING and is retried");
        String analyst = userToken("analyst");
        Instant deadline = Instant.now().plusSeconds(45);
        while (opened.path("decision").asText().equals("PENDING_SCREENING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            opened = send("GET", "/api/v1/customers/" + opened.path("id").asText(), analyst, null, 200);
        }
        return opened;
    }

    private static Map<String, Object> address(String line, String city, String country) {
        return Map.of("lines", List.of(line), "city", city, "country", country);
    }

    private JsonNode send(String method, String path, String token, Object body, int status)
            throws IOException, InterruptedException, Unexpected {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        HttpRequest request = authorized(URI.create(settings.serviceUrl(Service.IDENTITY) + path), token)
                .header("Content-Type", "application/json").method(method, publisher).build();
        return answer(request, status);
    }

    /** Uploads a list as the operator; a second person, the supervisor, approves it (four eyes) and it is imported. */
    private void upload(String feed, String csv) throws IOException, InterruptedException, Unexpected {
        String screening = settings.serviceUrl(Service.SCREENING);
        String proposal = answer(ListReplacement.upload(screening, feed, userToken("operator"), csv)
                .timeout(Duration.ofSeconds(30)).build(), 202).path("id").asText();
        out.println("   the operator's upload waits for a second person; the supervisor approves it");
        answer(ListReplacement.approval(screening, proposal, userToken("supervisor")).timeout(Duration.ofSeconds(30)).build(), 201);
    }

    private HttpRequest.Builder authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }

    private JsonNode answer(HttpRequest request, int status) throws IOException, InterruptedException, Unexpected {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new Unexpected(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    private String userToken(String user) throws IOException, InterruptedException, Unexpected {
        return token(Map.of("grant_type", "password", "client_id", "tenantgate-cli", "username", user,
                "password", user + "-local-only"));
    }

    String clientToken(String client) throws IOException, InterruptedException, Unexpected {
        String secret = clientSecrets.get(client);
        if (secret == null) {
            throw new Unexpected("no secret for client " + client + ": is the suite running from " + settings.home() + "?");
        }
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private String token(Map<String, String> form) throws IOException, InterruptedException, Unexpected {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.keycloakUrl()
                        + "/realms/tenantgate/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(request, 200).path("access_token").asText();
    }

    private static void expect(JsonNode answer, String field, String expected) throws Unexpected {
        String actual = answer.path(field).asText();
        if (!actual.equals(expected)) {
            throw new Unexpected(field + " is " + actual + ", expected " + expected + "; reasons: " + answer.path("reasons"));
        }
    }

    @FunctionalInterface
    private interface Flow {
        String run() throws Exception;
    }

    /** A flow saw something other than what it should. */
    static final class Unexpected extends Exception {
        Unexpected(String message) {
            super(message);
        }
    }
}
