package io.tenantgate.reporting.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.reporting.audit.AuditLog;
import io.tenantgate.reporting.config.ReportsConfig;
import io.tenantgate.reporting.reports.Report;
import io.tenantgate.reporting.reports.ReportDocument;
import io.tenantgate.reporting.reports.ReportStatus;
import io.tenantgate.common.retry.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Files submitted reports with the regulator: POSTs the signed report document as JSON to the configured
 * endpoint. A 2xx answer with an {@code acknowledgementId} acknowledges it; a 4xx (other than 408 and 429)
 * rejects it with the answer as the reason, for an amendment to correct; anything else (5xx, timeouts,
 * no connection) is tried again with exponential backoff, forever: a report is never dropped.
 */
@ApplicationScoped
public class FilingGateway {

    private static final Logger LOG = Logger.getLogger(FilingGateway.class);
    private static final String SYSTEM = "filing-gateway";
    private static final int BATCH = 20;
    private static final int MAX_REASON = 2000;

    private final EntityManager entities;
    private final AuditLog audit;
    private final ReportsConfig config;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final HttpClient http;

    public FilingGateway(EntityManager entities, AuditLog audit, ReportsConfig config, ObjectMapper json) {
        this.entities = entities;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.backoff = new Backoff(config.filing().retryBase(), config.filing().retryMax());
        this.http = HttpClient.newBuilder().connectTimeout(config.filing().timeout()).build();
    }

    void onStart(@Observes StartupEvent start) {
        requireEndpoint(config.filing());
    }

    /** Fails the start when filing is required and no https endpoint is configured. */
    static void requireEndpoint(ReportsConfig.Filing filing) {
        if (!filing.required()) {
            return;
        }
        String url = filing.url().map(String::strip).orElse("");
        if (!url.startsWith("https://")) {
            throw new IllegalStateException("tenantgate.reports.filing.required is true but tenantgate.reports.filing.url "
                    + (url.isEmpty() ? "is not set" : "is not an https URL: " + url)
                    + "; set TENANTGATE_REPORTS_FILING_URL to the regulator's filing endpoint");
        }
    }

    @Scheduled(every = "${tenantgate.reports.filing-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fileDue() {
        if (config.filing().url().isEmpty()) {
            return; // submitted reports wait until an endpoint is configured
        }
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entities.createQuery("""
                        select r.id from Report r where r.status = ?1 and r.nextFilingAt <= ?2 order by r.nextFilingAt""",
                        UUID.class)
                .setParameter(1, ReportStatus.SUBMITTED).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .setMaxResults(BATCH).getResultList());
        for (UUID id : due) {
            QuarkusTransaction.requiringNew().run(() -> file(id, URI.create(config.filing().url().get())));
        }
    }

    private void file(UUID id, URI endpoint) {
        // SKIP LOCKED: another replica is filing it right now.
        if (entities.createNativeQuery("select id from report where id = ?1 and status = 'SUBMITTED' for update skip locked")
                .setParameter(1, id).getResultList().isEmpty()) {
            return;
        }
        Report report = entities.find(Report.class, id);
        Outcome outcome = post(endpoint, report);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        switch (outcome.kind()) {
            case ACKNOWLEDGED -> {
                report.status = ReportStatus.ACKNOWLEDGED;
                report.acknowledgementId = outcome.detail();
                report.decidedAt = now;
                audit.append(id, report.obligationId, "ACKNOWLEDGED", SYSTEM, Map.of("acknowledgementId", outcome.detail(),
                        "attempt", report.filingAttempts + 1));
                LOG.infof("Report %s acknowledged by the regulator: %s", id, outcome.detail());
            }
            case REJECTED -> {
                report.status = ReportStatus.REJECTED;
                report.rejectionReason = outcome.detail();
                report.decidedAt = now;
                audit.append(id, report.obligationId, "REJECTED", SYSTEM, Map.of("reason", outcome.detail(),
                        "attempt", report.filingAttempts + 1));
                LOG.warnf("Report %s rejected by the regulator: %s", id, outcome.detail());
            }
            case RETRY -> {
                report.filingAttempts++;
                report.lastFilingError = outcome.detail();
                Duration wait = backoff.after(report.filingAttempts);
                report.nextFilingAt = now.plus(wait);
                audit.append(id, report.obligationId, "FILING_FAILED", SYSTEM, Map.of("error", outcome.detail(),
                        "attempt", report.filingAttempts, "nextAttemptIn", wait.toString()));
                LOG.warnf("Filing report %s failed (attempt %d), trying again in %s: %s", id, report.filingAttempts, wait,
                        outcome.detail());
            }
        }
    }

    private Outcome post(URI endpoint, Report report) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(config.filing().timeout())
                    .header("Content-Type", "application/json").header("Idempotency-Key", report.id.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(ReportDocument.of(report))))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Outcome(Kind.RETRY, "no answer from " + endpoint.getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.RETRY, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String ack = field(response.body(), "acknowledgementId");
            return ack == null || ack.isBlank()
                    ? new Outcome(Kind.RETRY, "HTTP " + status + " without an acknowledgementId")
                    : new Outcome(Kind.ACKNOWLEDGED, ack);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            String reason = field(response.body(), "reason");
            String text = "HTTP " + status + ": " + (reason != null ? reason : response.body());
            return new Outcome(Kind.REJECTED, text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text);
        }
        return new Outcome(Kind.RETRY, "HTTP " + status);
    }

    private String field(String body, String name) {
        try {
            JsonNode value = json.readTree(body).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private enum Kind { ACKNOWLEDGED, REJECTED, RETRY }

    private record Outcome(Kind kind, String detail) {
    }
}
