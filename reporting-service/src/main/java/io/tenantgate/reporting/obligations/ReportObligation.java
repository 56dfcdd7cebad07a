package io.tenantgate.reporting.obligations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** What a reportable training run owes: a report by the due date, or nothing (with the reason). */
@Entity
@Table(name = "report_obligation")
public class ReportObligation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "run_id", nullable = false)
    public String runId;

    /** The run's first detection: when the provider came to know. */
    @Column(name = "knowledge_at", nullable = false)
    public OffsetDateTime knowledgeAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObligationStatus status;

    /** The detections that made the run reportable, JSON. */
    @Column(nullable = false)
    public String facts;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_country")
    public String customerCountry;

    /** Why a report is or is not due. */
    public String reason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** 0 none, 1 due soon, 2 overdue: each level is escalated once. */
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
