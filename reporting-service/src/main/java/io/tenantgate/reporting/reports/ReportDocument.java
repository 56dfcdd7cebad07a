package io.tenantgate.reporting.reports;

import io.tenantgate.reporting.audit.CanonicalJson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A report as it leaves the service: the JSON export, the regulator's view and what is filed. Anyone can
 * check it: {@code contentHash} is SHA-256 of {@code content} in canonical JSON (sorted keys, no spaces),
 * and {@code signature} is Ed25519 by key {@code keyId} over {@code signedPayload}.
 */
public record ReportDocument(UUID id, ReportType type, ReportStatus status, UUID amends, Long obligationId,
                             String customerId, String customerCountry, LocalDate periodStart, LocalDate periodEnd,
                             OffsetDateTime createdAt, String createdBy, String approvedBy, OffsetDateTime approvedAt,
                             OffsetDateTime submittedAt, String submittedBy,
                             String contentHash, String keyId, String signature, String signedPayload,
                             String acknowledgementId, String rejectionReason, OffsetDateTime decidedAt, long version,
                             OffsetDateTime contentErasedAt, Map<String, Object> content) {

    public static ReportDocument of(Report r) {
        return new ReportDocument(r.id, r.type, r.status, r.amends, r.obligationId, r.customerId, r.customerCountry,
                r.periodStart, r.periodEnd, r.createdAt, r.createdBy, r.approvedBy, r.approvedAt, r.submittedAt, r.submittedBy, r.contentHash, r.keyId,
                r.signature, r.signature == null ? null : ReportService.signedPayload(r), r.acknowledgementId,
                r.rejectionReason, r.decidedAt, r.version, r.contentErasedAt,
                r.content() == null ? null : CanonicalJson.read(r.content()));
    }

    /** The report without its content (the customer's personal data); its hash and signature stay. */
    public ReportDocument withoutContent() {
        return new ReportDocument(id, type, status, amends, obligationId, customerId, customerCountry, periodStart, periodEnd,
                createdAt, createdBy, approvedBy, approvedAt, submittedAt, submittedBy, contentHash, keyId, signature, signedPayload,
                acknowledgementId, rejectionReason, decidedAt, version, contentErasedAt, null);
    }
}
