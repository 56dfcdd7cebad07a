package io.tenantgate.reporting.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regulator's filing endpoint, a real local HTTP server on a free port. Each report is answered from
 * its script (status and body, in order), then acknowledged; every request body is kept for inspection.
 */
public class FakeRegulator implements QuarkusTestResourceLifecycleManager {

    private static final Pattern REPORT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Map<String, Deque<Answer>> SCRIPTS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

    private HttpServer server;

    public record Answer(int status, String body) {
    }

    /** The answers the report's next filings get, before the default acknowledgement. */
    public static void script(String reportId, Answer... answers) {
        SCRIPTS.put(reportId, new ArrayDeque<>(List.of(answers)));
    }

    public static List<String> received(String reportId) {
        return RECEIVED.getOrDefault(reportId, List.of());
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/filings", this::handle);
        server.start();
        return Map.of("tenantgate.reports.filing.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/filings");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher id = REPORT_ID.matcher(body);
        String reportId = id.find() ? id.group(1) : "unknown";
        RECEIVED.computeIfAbsent(reportId, k -> new CopyOnWriteArrayList<>()).add(body);
        Deque<Answer> script = SCRIPTS.get(reportId);
        Answer answer = script == null || script.isEmpty()
                ? new Answer(201, "{\"acknowledgementId\":\"ACK-" + reportId.substring(0, 8) + "\"}")
                : script.poll();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
