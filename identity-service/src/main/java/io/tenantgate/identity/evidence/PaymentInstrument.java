package io.tenantgate.identity.evidence;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.identity.verification.IdentifierKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A means of payment of one of the customer's accounts, with the declared source of funds. */
@Entity
@Table(name = "payment_instrument")
public class PaymentInstrument {

    public enum Type {
        CARD, BANK_ACCOUNT, CRYPTO_WALLET, INVOICE;

        /** How this type's identifier is fingerprinted; an invoice has none. */
        public Optional<IdentifierKind> identifierKind() {
            return switch (this) {
                case CARD -> Optional.of(IdentifierKind.CARD);
                case BANK_ACCOUNT -> Optional.of(IdentifierKind.BANK_ACCOUNT);
                case CRYPTO_WALLET -> Optional.of(IdentifierKind.CRYPTO_WALLET);
                case INVOICE -> Optional.empty();
            };
        }
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "account_id", length = 128)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Type type;

    /** Card number, IBAN or wallet address, sealed; null for an invoice. */
    public String identifier;

    @Column(name = "last_digits", length = 4)
    public String lastDigits;

    @Column(length = 64)
    public String fingerprint;

    @Column(name = "fingerprint_key_id", length = 64)
    public String fingerprintKeyId;

    @Column(name = "issuing_country", length = 2)
    public String issuingCountry;

    @Column(name = "source_of_funds", nullable = false, length = 300)
    public String sourceOfFunds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provider_references", nullable = false)
    public List<String> providerReferences;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CheckResult> checks;

    @Column(name = "added_by", nullable = false, length = 128)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;
}
