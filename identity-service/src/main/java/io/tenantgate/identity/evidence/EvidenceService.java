package io.tenantgate.identity.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.common.retry.Failures;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CurrentScreening;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.secrets.SealedValues;
import io.tenantgate.identity.verification.CardNumberVerifier;
import io.tenantgate.identity.verification.CardVerification;
import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.identity.verification.DeclaredIdentity;
import io.tenantgate.identity.verification.DocumentVerification;
import io.tenantgate.identity.verification.Fingerprint;
import io.tenantgate.identity.verification.IbanVerification;
import io.tenantgate.identity.verification.IbanVerifier;
import io.tenantgate.identity.verification.IdentifierKind;
import io.tenantgate.identity.verification.IdentityFingerprinter;
import io.tenantgate.identity.verification.MrzVerifier;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds identity documents and payment instruments to a case: checks them, screens document numbers and wallet
 * addresses against the lists, seals their numbers, keeps a keyed fingerprint to find the same document on
 * another customer, and lets the case be assessed again.
 * Adding the same document or instrument twice answers with the one stored.
 */
@ApplicationScoped
public class EvidenceService {

    private final CaseService cases;
    private final CurrentScreening screening;
    private final EvidenceRepository evidence;
    private final EntityManager entities;
    private final FieldCipher cipher;
    private final IdentityFingerprinter fingerprinter;
    private final MrzVerifier mrzVerifier;
    private final Clock clock;

    public EvidenceService(CaseService cases, CurrentScreening screening, EvidenceRepository evidence,
                           EntityManager entities, FieldCipher cipher, IdentityFingerprinter fingerprinter) {
        this.cases = cases;
        this.screening = screening;
        this.evidence = evidence;
        this.entities = entities;
        this.cipher = cipher;
        this.fingerprinter = fingerprinter;
        this.clock = Clock.systemUTC();
        this.mrzVerifier = new MrzVerifier(clock);
    }

    /** The stored document, and whether it had been added before. */
    public record Added<T>(T value, boolean existing) {
    }

    /**
     * Checks and stores the document, screens its number with the customer's names (before anything is stored:
     * screening-service away answers 503 and nothing changes) and assesses the case again.
     */
    public Added<IdentityDocument> addDocument(UUID caseId, DocumentRequest request, String actor) {
        Screened screened = screenWith(caseId, EvidenceRepository.documentIdentifier(request.type(),
                alphanumeric("number", request.number()), request.issuingCountry()), "number");
        return QuarkusTransaction.requiringNew().call(() -> storeDocument(caseId, request, actor, screened));
    }

    private Added<IdentityDocument> storeDocument(UUID caseId, DocumentRequest request, String actor, Screened screened) {
        CustomerCase subject = cases.lockOpen(caseId);
        Fingerprint fingerprint = fingerprinter.fingerprint(IdentifierKind.DOCUMENT, request.issuingCountry(),
                request.number());
        Optional<IdentityDocument> earlier = evidence.documents(caseId).stream()
                .filter(d -> d.fingerprint.equals(fingerprint.value())).findFirst();
        if (earlier.isPresent()) {
            return new Added<>(earlier.get(), true);
        }
        IdentityDocument document = new IdentityDocument();
        document.id = UUID.randomUUID();
        document.caseId = caseId;
        document.type = request.type();
        String number = normalised(request.number());
        document.number = cipher.seal(number, SealedValues.DOCUMENT_NUMBER, document.id.toString());
        document.mrz = request.mrz().isEmpty() ? null
                : cipher.seal(String.join("\n", request.mrz()), SealedValues.DOCUMENT_MRZ, document.id.toString());
        document.lastDigits = lastDigits(number);
        document.fingerprint = fingerprint.value();
        document.fingerprintKeyId = fingerprint.keyId();
        document.issuingCountry = request.issuingCountry();
        document.expiry = request.expiry();
        document.checks = documentChecks(request, number, subject.profile());
        document.addedBy = actor;
        document.addedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        entities.persist(document);
        takeScreening(subject, screened);
        added(subject, actor, "document-added", document.type.name(), document.lastDigits, document.issuingCountry,
                document.checks);
        return new Added<>(document, false);
    }

    /**
     * Checks and stores the payment instrument and assesses the case again; a wallet address is screened with the
     * customer's names first, as a document number is.
     */
    public Added<PaymentInstrument> addPayment(UUID caseId, PaymentRequest request, String actor) {
        Optional<IdentifierKind> kind = checkPayment(cases.get(caseId).profile(), request);
        Screened screened = kind.orElse(null) != IdentifierKind.CRYPTO_WALLET ? null
                : screenWith(caseId, EvidenceRepository.walletIdentifier(request.identifier().strip()), "identifier");
        return QuarkusTransaction.requiringNew().call(() -> storePayment(caseId, request, actor, screened));
    }

    private static Optional<IdentifierKind> checkPayment(CaseRequest profile, PaymentRequest request) {
        Optional<IdentifierKind> kind = request.type().identifierKind();
        if (kind.isPresent() == (request.identifier() == null || request.identifier().isBlank())) {
            throw ProblemException.invalidField("identifier", kind.isPresent()
                    ? "required for a " + request.type().name().toLowerCase(Locale.ROOT)
                    : "an invoice has no identifier");
        }
        if (kind.isPresent()) {
            alphanumeric("identifier", request.identifier());
        }
        if (request.accountId() != null && !profile.accountIds().contains(request.accountId())) {
            throw ProblemException.invalidField("accountId", "not one of this customer's account ids");
        }
        return kind;
    }

    private Added<PaymentInstrument> storePayment(UUID caseId, PaymentRequest request, String actor, Screened screened) {
        CustomerCase subject = cases.lockOpen(caseId);
        Optional<IdentifierKind> kind = checkPayment(subject.profile(), request); // the profile may have changed since
        Fingerprint fingerprint = kind.map(k -> fingerprinter.fingerprint(k, request.issuingCountry(), request.identifier()))
                .orElse(null);
        if (fingerprint != null) {
            Optional<PaymentInstrument> earlier = evidence.payments(caseId).stream()
                    .filter(p -> fingerprint.value().equals(p.fingerprint)).findFirst();
            if (earlier.isPresent()) {
                return new Added<>(earlier.get(), true);
            }
        }
        PaymentInstrument payment = new PaymentInstrument();
        payment.id = UUID.randomUUID();
        payment.caseId = caseId;
        payment.accountId = request.accountId();
        payment.type = request.type();
        payment.sourceOfFunds = request.sourceOfFunds();
        payment.providerReferences = request.providerReferences();
        payment.issuingCountry = request.issuingCountry();
        List<CheckResult> checks = new ArrayList<>();
        if (kind.isPresent()) {
            String identifier = request.identifier().strip();
            payment.identifier = cipher.seal(identifier, SealedValues.PAYMENT_IDENTIFIER, payment.id.toString());
            payment.lastDigits = lastDigits(normalised(identifier));
            payment.fingerprint = fingerprint.value();
            payment.fingerprintKeyId = fingerprint.keyId();
            checks.addAll(paymentChecks(payment, identifier));
        }
        payment.checks = checks;
        payment.addedBy = actor;
        payment.addedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        entities.persist(payment);
        if (screened != null) {
            takeScreening(subject, screened);
        }
        added(subject, actor, "payment-added", payment.type.name(), payment.lastDigits, payment.issuingCountry, checks);
        return new Added<>(payment, false);
    }

    /** The documents of a case; 404 for a case that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IdentityDocument> documents(UUID caseId) {
        cases.get(caseId);
        return evidence.documents(caseId);
    }

    /** The payment instruments of a case; 404 for a case that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentInstrument> payments(UUID caseId) {
        cases.get(caseId);
        return evidence.payments(caseId);
    }

    /** The full number of a document, for a role that needs it; the reading is audited. */
    @Transactional
    public String revealDocumentNumber(UUID caseId, UUID documentId, String actor) {
        IdentityDocument document = entities.find(IdentityDocument.class, documentId);
        if (document == null || !document.caseId.equals(caseId)) {
            throw ProblemException.notFound("Document " + documentId + " of case " + caseId);
        }
        cases.record(cases.get(caseId), actor, "document-number-read", Map.of("document", documentId.toString()));
        return cipher.open(document.number, SealedValues.DOCUMENT_NUMBER, document.id.toString());
    }

    /** What the case was screened with before a document or wallet was stored, and what screening found. */
    private record Screened(CaseRequest profile, List<ScreeningIdentifier> identifiers, ScreeningSummary summary) {
    }

    /** The case screened with its stored document numbers and wallet addresses and the one being added. */
    private Screened screenWith(UUID caseId, ScreeningIdentifier adding, String field) {
        CaseRequest profile = cases.get(caseId).profile();
        List<ScreeningIdentifier> identifiers = new ArrayList<>(
                QuarkusTransaction.joiningExisting().call(() -> evidence.identifiers(caseId)));
        if (!identifiers.contains(adding)) {
            identifiers.add(adding);
        }
        return new Screened(profile, identifiers, screen(profile, identifiers, field));
    }

    private ScreeningSummary screen(CaseRequest profile, List<ScreeningIdentifier> identifiers, String field) {
        try {
            return screening.screen(profile, identifiers);
        } catch (RuntimeException failed) {
            if (!CurrentScreening.isScreeningFailure(failed)) {
                throw failed;
            }
            if (Failures.isPermanent(failed)) {
                throw ProblemException.invalidField(field, "screening-service refused it: " + Failures.describe(failed));
            }
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("screening-unavailable", "Screening unavailable",
                "screening-service did not answer, so the number could not be screened and nothing was stored; "
                        + "send the request again");
    }

    /**
     * Stores the screening taken with the new number on the case (locked, the evidence already persisted); when
     * the profile, or the numbers through another request, changed since it was taken, screens again first.
     */
    private void takeScreening(CustomerCase subject, Screened screened) {
        entities.flush();
        List<ScreeningIdentifier> now = evidence.identifiers(subject.id);
        ScreeningSummary summary = now.equals(screened.identifiers()) && subject.profile().equals(screened.profile())
                ? screened.summary() : screen(subject.profile(), now, "number");
        ScreeningSummary stored = screening.storable(subject.profile(), now, summary);
        if (stored == null) {
            throw unavailable(); // rolls the evidence back with it
        }
        subject.screening = stored;
    }

    private void added(CustomerCase subject, String actor, String action, String type, String lastDigits,
                       String country, List<CheckResult> checks) {
        List<String> failed = checks.stream().filter(CheckResult::failed)
                .map(c -> c.name() + ": " + c.evidence()).toList();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", type);
        detail.put("lastDigits", lastDigits);
        detail.put("issuingCountry", country);
        detail.put("failedChecks", failed);
        cases.record(subject, actor, action, detail);
        if (!failed.isEmpty()) {
            cases.report(subject, "VERIFICATION_FAILURE", actor, failed);
        }
        cases.reassess(subject, actor, action);
    }

    private List<CheckResult> documentChecks(DocumentRequest request, String number, CaseRequest profile) {
        List<CheckResult> checks = new ArrayList<>();
        if (!request.mrz().isEmpty()) {
            LocalDate birth = profile.date() != null && profile.date().month() > 0 && profile.date().day() > 0
                    ? LocalDate.of(profile.date().year(), profile.date().month(), profile.date().day()) : null;
            DocumentVerification verification = mrzVerifier.verify(String.join("\n", request.mrz()),
                    new DeclaredIdentity(profile.legalName(), birth, profile.countries().get(0)));
            checks.addAll(verification.checks());
            verification.mrz().ifPresent(mrz -> checks.add(CheckResult.of("document.number",
                    normalised(mrz.documentNumber()).equals(number),
                    "MRZ document number ends " + lastDigits(normalised(mrz.documentNumber()))
                            + ", declared number ends " + lastDigits(number))));
            verification.issuingCountry().ifPresent(state -> checks.add(CheckResult.of("document.issuing-country",
                    state.equals(request.issuingCountry()),
                    "MRZ issuing state " + state + ", declared " + request.issuingCountry())));
        } else if (request.expiry() != null) {
            checks.add(CheckResult.of(MrzVerifier.EXPIRY, !request.expiry().isBefore(LocalDate.now(clock)),
                    "expires " + request.expiry()));
        } else if (request.type() == IdentityDocument.Type.PASSPORT) {
            checks.add(CheckResult.fail(MrzVerifier.EXPIRY, "a passport without expiry date or MRZ cannot be checked"));
        }
        return checks;
    }

    private static List<CheckResult> paymentChecks(PaymentInstrument payment, String identifier) {
        switch (payment.type) {
            case CARD -> {
                CardVerification card = CardNumberVerifier.verify(identifier);
                return card.checks();
            }
            case BANK_ACCOUNT -> {
                IbanVerification iban = IbanVerifier.verify(identifier);
                List<CheckResult> checks = new ArrayList<>(List.of(iban.check()));
                if (payment.issuingCountry == null) {
                    payment.issuingCountry = iban.country().orElse(null);
                } else {
                    iban.country().ifPresent(country -> checks.add(CheckResult.of("payment.issuing-country",
                            country.equals(payment.issuingCountry),
                            "IBAN country " + country + ", declared " + payment.issuingCountry)));
                }
                return checks;
            }
            default -> {
                return List.of(CheckResult.notApplicable("payment.format", "wallet addresses are not checked"));
            }
        }
    }

    /** The number without spaces and punctuation; one made of punctuation alone is no number. */
    private static String alphanumeric(String field, String number) {
        String kept = normalised(number);
        if (kept.isEmpty()) {
            throw ProblemException.invalidField(field, "must contain letters or digits");
        }
        return kept;
    }

    private static String normalised(String number) {
        return number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String lastDigits(String number) {
        return number.substring(Math.max(0, number.length() - 4));
    }
}
