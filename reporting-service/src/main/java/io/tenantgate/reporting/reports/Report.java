package io.tenantgate.reporting.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A regulatory report. Its content is canonical JSON, hashed and, on submission, signed exactly as stored. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(name = "obligation_id")
    public Long obligationId;

    /** The report this one corrects. */
    public UUID amends;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_country")
    public String customerCountry;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** The canonical JSON content, sealed at rest and bound to this report; null once erased under retention. */
    @Column(name = "content")
    String sealedContent;

    /** The canonical JSON content, opened when the report is loaded; changed only through {@link #write}. */
    @Transient
    private String content;

    /** When retention erased the content; the hash and the signature are kept. */
    @Column(name = "content_erased_at")
    public OffsetDateTime contentErasedAt;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    public String signature;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Who approved the content for submission (four eyes: never the one who submits it). */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    /** The content the approval was given on; a redraft that changes it needs a new approval. */
    @Column(name = "approved_content_hash")
    public String approvedContentHash;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "filing_attempts", nullable = false)
    public int filingAttempts;

    @Column(name = "next_filing_at")
    public OffsetDateTime nextFilingAt;

    @Column(name = "last_filing_error")
    public String lastFilingError;

    @Column(name = "acknowledgement_id")
    public String acknowledgementId;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public long version;

    /** The canonical JSON content, exactly as hashed and signed; null once erased under retention. */
    public String content() {
        return content;
    }

    /** Erases the content (retention); what proves it was filed, its hash and signature, stays. */
    void eraseContent(OffsetDateTime at) {
        content = null;
        sealedContent = null;
        contentErasedAt = at;
    }

    /** Sets the content (canonical JSON; the report's id set first), sealed at once so that it is what gets stored. */
    void write(String canonicalJson) {
        content = canonicalJson;
        sealedContent = ReportContentSeal.current().seal(canonicalJson, id);
    }

    @PostLoad
    void openContent() {
        content = sealedContent == null ? null : ReportContentSeal.current().open(sealedContent, id);
    }
}
