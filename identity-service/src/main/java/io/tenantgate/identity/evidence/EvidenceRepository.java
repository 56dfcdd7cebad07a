package io.tenantgate.identity.evidence;

import io.tenantgate.identity.cases.CaseEvidence;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.secrets.SealedValues;
import io.tenantgate.sealing.FieldCipher;
import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.identity.verification.DuplicateIdentityCheck;
import io.tenantgate.identity.verification.FingerprintMatch;
import io.tenantgate.decision.signals.SignalSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Documents, payment instruments and the access log of cases, and the evidence they add up to. */
@ApplicationScoped
public class EvidenceRepository {

    /** Accesses from this many distinct countries at most count as signals; the newest first. */
    private static final int ACCESS_COUNTRIES = 10;
    /** The identifier types screening-service knows the lists' numbers by. */
    private static final Map<IdentityDocument.Type, String> DOCUMENT_TYPES = Map.of(
            IdentityDocument.Type.PASSPORT, "passport", IdentityDocument.Type.NATIONAL_ID, "national_id",
            IdentityDocument.Type.CERTIFICATE_OF_INCORPORATION, "registration");

    private final EntityManager entities;
    private final FieldCipher cipher;

    public EvidenceRepository(EntityManager entities, FieldCipher cipher) {
        this.entities = entities;
        this.cipher = cipher;
    }

    public List<IdentityDocument> documents(UUID caseId) {
        return entities.createQuery("from IdentityDocument where caseId = ?1 order by addedAt, id", IdentityDocument.class)
                .setParameter(1, caseId).getResultList();
    }

    public List<PaymentInstrument> payments(UUID caseId) {
        return entities.createQuery("from PaymentInstrument where caseId = ?1 order by addedAt, id", PaymentInstrument.class)
                .setParameter(1, caseId).getResultList();
    }

    /**
     * The document numbers and wallet addresses of each case, unsealed, to be screened with its names; cases
     * without any are absent. Numbers erased at the end of retention are left out.
     */
    public Map<UUID, List<ScreeningIdentifier>> identifiers(Collection<UUID> caseIds) {
        Map<UUID, List<ScreeningIdentifier>> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        for (IdentityDocument document : entities.createQuery(
                        "from IdentityDocument where caseId in ?1 and number is not null order by addedAt, id",
                        IdentityDocument.class)
                .setParameter(1, caseIds).getResultList()) {
            found.computeIfAbsent(document.caseId, id -> new ArrayList<>()).add(documentIdentifier(document.type,
                    cipher.open(document.number, SealedValues.DOCUMENT_NUMBER, document.id.toString()), document.issuingCountry));
        }
        for (PaymentInstrument wallet : entities.createQuery(
                        "from PaymentInstrument where caseId in ?1 and type = ?2 and identifier is not null order by addedAt, id",
                        PaymentInstrument.class)
                .setParameter(1, caseIds).setParameter(2, PaymentInstrument.Type.CRYPTO_WALLET).getResultList()) {
            found.computeIfAbsent(wallet.caseId, id -> new ArrayList<>()).add(walletIdentifier(
                    cipher.open(wallet.identifier, SealedValues.PAYMENT_IDENTIFIER, wallet.id.toString())));
        }
        return found;
    }

    /** The identifiers of one case. */
    public List<ScreeningIdentifier> identifiers(UUID caseId) {
        return identifiers(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    static ScreeningIdentifier documentIdentifier(IdentityDocument.Type type, String number, String issuingCountry) {
        return new ScreeningIdentifier(DOCUMENT_TYPES.get(type), number, issuingCountry);
    }

    static ScreeningIdentifier walletIdentifier(String address) {
        return new ScreeningIdentifier("digital currency address", address, null);
    }

    /** Checks of every document and payment instrument, the duplicate-identity check, and the country signals. */
    public CaseEvidence evidenceOf(UUID caseId) {
        return evidenceOf(caseId, documents(caseId), payments(caseId));
    }

    /** The same, from the case's documents and payment instruments as the caller already read them. */
    public CaseEvidence evidenceOf(UUID caseId, List<IdentityDocument> documents, List<PaymentInstrument> payments) {
        List<CheckResult> checks = new ArrayList<>();
        List<CountrySignal> signals = new ArrayList<>();
        for (IdentityDocument document : documents) {
            checks.addAll(document.checks);
            signals.add(new CountrySignal(SignalSource.DOCUMENT, document.issuingCountry,
                    document.type.name().toLowerCase(java.util.Locale.ROOT) + " *" + document.lastDigits));
        }
        for (PaymentInstrument payment : payments) {
            checks.addAll(payment.checks);
            if (payment.issuingCountry != null) {
                signals.add(new CountrySignal(SignalSource.PAYMENT, payment.issuingCountry,
                        payment.type.name().toLowerCase(java.util.Locale.ROOT) + " *" + payment.lastDigits));
            }
        }
        for (Object country : entities.createNativeQuery("select country from access_event where case_id = ?1"
                        + " and country is not null group by country order by max(at) desc limit " + ACCESS_COUNTRIES)
                .setParameter(1, caseId).getResultList()) {
            signals.add(new CountrySignal(SignalSource.IP, (String) country, "access from an IP address in " + country));
        }
        long fingerprints = documents.size() + payments.stream().filter(p -> p.fingerprint != null).count();
        if (fingerprints > 0) {
            checks.add(DuplicateIdentityCheck.check((int) fingerprints, duplicates(caseId)));
        }
        return new CaseEvidence(checks, signals, documents.size(), payments.size());
    }

    /** Other customers holding one of this case's document or payment fingerprints. */
    private List<FingerprintMatch> duplicates(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select mine.label, other.case_id from (
                            select fingerprint, lower(type) || ' *' || last_digits as label from identity_document where case_id = ?1
                            union all
                            select fingerprint, lower(type) || ' *' || last_digits from payment_instrument
                             where case_id = ?1 and fingerprint is not null) mine
                        join (select fingerprint, case_id from identity_document
                              union all select fingerprint, case_id from payment_instrument where fingerprint is not null) other
                          on other.fingerprint = mine.fingerprint and other.case_id <> ?1
                        order by 1, 2 limit 20""")
                .setParameter(1, caseId).getResultList();
        return rows.stream().map(row -> new FingerprintMatch((String) row[0], row[1].toString())).toList();
    }
}
