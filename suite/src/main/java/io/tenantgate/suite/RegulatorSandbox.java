package io.tenantgate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A stand-in for the regulator's filing endpoint on a local run: reporting-service files signed reports here
 * as it would with the regulator, and gets an acknowledgement id back once the signature verifies. Every filing is kept as a file in
 * {@code <home>/regulator-inbox} and listed at {@code GET /filings}. It answers on loopback only.
 */
final class RegulatorSandbox implements AutoCloseable {

    private static final int MAX_FILING_BYTES = 16 * 1024 * 1024;
    private static final Pattern REPORT_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path inbox;
    private final Map<String, PublicKey> signingKeys;
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> acknowledged = new ArrayList<>();

    private RegulatorSandbox(HttpServer server, Path inbox, Map<String, PublicKey> signingKeys) {
        this.server = server;
        this.inbox = inbox;
        this.signingKeys = signingKeys;
    }

    /** @param signingKeys public keys (X.509 DER, base64) of the reports' signatures, by key id */
    static RegulatorSandbox start(int port, Path home, Map<String, String> signingKeys) {
        try {
            Path inbox = Files.createDirectories(home.resolve("regulator-inbox"));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            Map<String, PublicKey> keys = new HashMap<>();
            for (Map.Entry<String, String> key : signingKeys.entrySet()) {
                keys.put(key.getKey(), KeyFactory.getInstance("Ed25519").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(key.getValue()))));
            }
            RegulatorSandbox sandbox = new RegulatorSandbox(server, inbox, keys);
            server.createContext("/filings", sandbox::handle);
            server.start();
            return sandbox;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a report signing key is not an Ed25519 public key", e);
        } catch (IOException e) {
            throw new IllegalStateException("the regulator sandbox cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    static String filingUrl(int port) {
        return "http://localhost:" + port + "/filings";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                String list;
                synchronized (acknowledged) {
                    list = "[" + String.join(",", acknowledged) + "]";
                }
                respond(exchange, 200, list);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, "{\"error\":\"POST a report, or GET the filings\"}");
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            JsonNode report = parse(body);
            String reportId = report.path("id").asText();
            if (body.length > MAX_FILING_BYTES || !REPORT_ID.matcher(reportId).matches()
                    || report.path("signature").asText().isEmpty()) {
                respond(exchange, 422, "{\"error\":\"a filing is a signed report (id, signature) of at most 16 MiB\"}");
                return;
            }
            if (!signatureValid(report)) {
                respond(exchange, 422, "{\"error\":\"the signature does not verify with the key it names\"}");
                return;
            }
            String acknowledgement = "SANDBOX-" + sequence.incrementAndGet();
            Files.write(inbox.resolve(reportId + ".json"), body);
            synchronized (acknowledged) {
                acknowledged.add("{\"reportId\":\"" + reportId + "\",\"acknowledgementId\":\"" + acknowledgement + "\"}");
            }
            respond(exchange, 201, "{\"acknowledgementId\":\"" + acknowledgement + "\"}");
        }
    }

    /** As the regulator would: the signature over the signed payload, with the public key the filing names. */
    private boolean signatureValid(JsonNode report) {
        PublicKey key = signingKeys.get(report.path("keyId").asText());
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(report.path("signedPayload").asText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(report.path("signature").asText()));
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(MAX_FILING_BYTES + 1);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
