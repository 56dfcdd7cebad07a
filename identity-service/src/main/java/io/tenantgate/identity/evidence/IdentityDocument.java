package io.tenantgate.identity.evidence;

import io.tenantgate.decision.signals.CheckResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An identity document of a case. Number and MRZ are sealed; only the last digits are ever shown. */
@Entity
@Table(name = "identity_document")
public class IdentityDocument {

    public enum Type { PASSPORT, NATIONAL_ID, CERTIFICATE_OF_INCORPORATION }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Type type;

    /** Sealed with {@link io.tenantgate.identity.secrets.SealedValues#DOCUMENT_NUMBER}. */
    public String number;

    /** Sealed with {@link io.tenantgate.identity.secrets.SealedValues#DOCUMENT_MRZ}; null when none was given. */
    public String mrz;

    @Column(name = "last_digits", nullable = false, length = 4)
    public String lastDigits;

    @Column(nullable = false, length = 64)
    public String fingerprint;

    @Column(name = "fingerprint_key_id", nullable = false, length = 64)
    public String fingerprintKeyId;

    @Column(name = "issuing_country", nullable = false, length = 2)
    public String issuingCountry;

    public LocalDate expiry;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CheckResult> checks;

    @Column(name = "added_by", nullable = false, length = 128)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;
}
