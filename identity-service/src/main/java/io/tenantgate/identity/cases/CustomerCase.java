package io.tenantgate.identity.cases;

import io.tenantgate.decision.person.PersonStatus;
import io.tenantgate.decision.risk.Decision;

import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.outbox.CaseEvents;
import io.tenantgate.identity.secrets.CaseProfileSeal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A customer's CIP case: what was declared, what screening found, and the decision with its reasons. */
@Entity
@Table(name = "customer_case")
public class CustomerCase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CaseRequest.Kind kind;

    @Column(name = "legal_name", nullable = false, length = 300)
    public String legalName;

    /** What the customer declared, sealed at rest and bound to this case; null once erased after retention. */
    @Column(name = "profile")
    String sealedProfile;

    /** The declared profile, opened when the case is loaded; changed only through {@link #declare}. */
    @Transient
    private CaseRequest profile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Decision decision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons;

    @Enumerated(EnumType.STRING)
    @Column(name = "person_status", nullable = false, length = 32)
    public PersonStatus personStatus;

    /** 0-100, from the risk engine's explainable rules. */
    @Column(name = "risk_score", nullable = false)
    public int riskScore;

    /** Null while screening has not happened. */
    @JdbcTypeCode(SqlTypes.JSON)
    public ScreeningSummary screening;

    /** An analyst's clearance awaiting a supervisor's sign-off; null when none is pending. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "review_proposal")
    public ReviewProposal reviewProposal;

    /** Entry keys cleared as false positives for this customer. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cleared_entries", nullable = false)
    public List<String> clearedEntries = new java.util.ArrayList<>();

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 128)
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "created_by", nullable = false, length = 128)
    public String createdBy;

    /** The integration client that opened the case (its token's azp); null for cases opened before it was kept. */
    @Column(name = "opened_by_client")
    public String openedByClient;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** When the retention job removed the personal data of this closed account. */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Version
    public long version;

    /** The case as the events about it describe it. */
    public CaseEvents.Subject eventSubject() {
        return new CaseEvents.Subject(id, openedByClient, profile.accountIds(), decision, profile.countries().get(0),
                personStatus == PersonStatus.FOREIGN_PERSON);
    }

    /** What the customer declared; null once erased. */
    public CaseRequest profile() {
        return profile;
    }

    /**
     * Declares the profile (null erases it). It is sealed at once, bound to the case's id (set first), so the sealed
     * column changes with it and is what gets stored.
     */
    public void declare(CaseRequest declared) {
        if (declared != null && declared.equals(profile) && sealedProfile != null) {
            return; // unchanged: the stored value stays (the re-sealing job moves it to a new key)
        }
        profile = declared;
        sealedProfile = declared == null ? null : CaseProfileSeal.current().seal(declared, id);
    }

    @PostLoad
    void openProfile() {
        profile = sealedProfile == null ? null : CaseProfileSeal.current().open(sealedProfile, id);
    }
}
