package io.tenantgate.identity.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.outbox.CaseEvents;
import io.tenantgate.identity.config.IdentityConfig;
import io.tenantgate.identity.evidence.EvidenceRepository;
import io.tenantgate.decision.person.PersonDeterminer;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.decision.risk.RiskAssessment;
import io.tenantgate.decision.risk.RiskEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens CIP cases: screens the customer and its owners, decides, and stores the case, its audit entry and
 * its outbox event in one transaction. The remote screening happens outside any transaction.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final CaseRepository cases;
    private final CurrentScreening currentScreening;
    private final CaseAssessor assessor;
    private final ObjectMapper json;
    private final EvidenceRepository evidence;
    private final CaseEvents events;

    public CaseService(CaseRepository cases, CurrentScreening currentScreening, IdentityConfig config, ObjectMapper json,
                       EvidenceRepository evidence, CaseEvents events) {
        this.cases = cases;
        this.evidence = evidence;
        this.events = events;
        this.currentScreening = currentScreening;
        this.assessor = new CaseAssessor(new RiskEngine(config.riskSettings()),
                new PersonDeterminer(config.ownerExposurePercent()),
                new RequiredData(config.requiredForPersons(), config.requiredForOrganizations()));
        this.json = json;
    }

    /**
     * Creates the case, or answers again for a repeated request: the same key with the same body gives the
     * same case; the same key with another body is refused.
     */
    public Created open(CaseRequest request, String idempotencyKey, String actor, String client) {
        String hash = hash(request);
        var earlier = QuarkusTransaction.joiningExisting().call(() -> cases.findByIdempotencyKey(idempotencyKey));
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        ScreeningSummary screened = screenOrNull(request, List.of());
        try {
            return new Created(QuarkusTransaction.requiringNew().call(() -> {
                ScreeningSummary summary = screened == null ? null : currentScreening.storable(request, List.of(), screened);
                return insert(request, idempotencyKey, hash, actor, client,
                        assessor.assess(request, summary, CaseEvidence.NONE), summary);
            }), false);
        } catch (PersistenceException raced) {
            // A concurrent request with the same key won the insert: answer as a replay of it.
            CustomerCase winner = QuarkusTransaction.requiringNew().call(() -> cases.findByIdempotencyKey(idempotencyKey))
                    .orElseThrow(() -> raced);
            return replay(winner, hash);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerCase get(UUID id) {
        CustomerCase found = cases.findById(id);
        if (found == null) {
            throw ProblemException.notFound("Customer case " + id);
        }
        return found;
    }

    /** The case of a customer named by its id or, failing that, by one of the provider's account ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<CustomerCase> find(String customerId, String accountId) {
        if (customerId != null && !customerId.isBlank()) {
            try {
                return cases.findByIdOptional(UUID.fromString(customerId));
            } catch (IllegalArgumentException notUuid) {
                throw ProblemException.invalidField("customer_id", "must be a UUID");
            }
        }
        if (accountId != null && !accountId.isBlank()) {
            return cases.findByAccountId(accountId);
        }
        throw ProblemException.invalidField("customer_id", "name the customer by customer_id or account_id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerCase> list(CaseRepository.Filter filter, int page, int size) {
        return cases.list(filter, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(CaseRepository.Filter filter) {
        return cases.count(filter);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseAudit> auditTrail(UUID id) {
        get(id);
        return cases.auditTrail(id);
    }

    /** The case, locked for this transaction, provided it may still change: not closed, data not erased. */
    public CustomerCase lockOpen(UUID id) {
        CustomerCase subject = cases.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (subject == null) {
            throw ProblemException.notFound("Customer case " + id);
        }
        if (subject.closedAt != null) {
            throw ProblemException.conflict("case-closed", "Case closed",
                    "The account was closed at " + subject.closedAt + "; its records are kept but no longer change");
        }
        return subject;
    }

    /**
     * Replaces what the customer declared, provided the caller saw the current version, and decides again:
     * the parties are screened again and false positives cleared before no longer count, since the data they
     * were cleared for changed. A rejected case is final.
     */
    public CustomerCase update(UUID id, CaseRequest request, long expectedVersion, String actor) {
        CustomerCase before = get(id);
        checkVersion(before, expectedVersion);
        List<ScreeningIdentifier> identifiers = QuarkusTransaction.joiningExisting().call(() -> evidence.identifiers(id));
        ScreeningSummary screened = screenOrNull(request, identifiers);
        return QuarkusTransaction.requiringNew().call(() -> {
            CustomerCase subject = lockOpen(id);
            checkVersion(subject, expectedVersion);
            if (subject.decision == Decision.REJECTED) {
                throw ProblemException.conflict("case-rejected", "Case rejected",
                        "A rejected case is final; open a new case for new data");
            }
            ScreeningSummary summary = screened == null ? null : currentScreening.storable(request, identifiers, screened);
            CaseEvidence collected = evidence.evidenceOf(id); // before any change: its queries flush the session
            List<String> changed = changedFields(subject.profile(), request);
            subject.declare(request);
            subject.legalName = request.legalName();
            subject.screening = summary;
            subject.clearedEntries = List.of();
            subject.reviewProposal = null;
            CaseAssessor.Assessment verdict = assessor.assess(request, summary, collected);
            record(subject, verdict);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("changedFields", changed);
            detail.put("decision", subject.decision.name());
            detail.put("riskScore", subject.riskScore);
            detail.put("reasons", subject.reasons);
            record(subject, actor, "updated", detail);
            outbox(subject, "DECISION", actor, subject.reasons);
            cases.flush();
            cases.linkAccounts(subject, request.accountIds()); // after the flush, so the version moves by one
            cases.restartScreeningRetries(id);
            return subject;
        });
    }

    /** Closes the account; the records stay until the retention period ends. Closing twice changes nothing. */
    @Transactional
    public CustomerCase close(UUID id, String reason, String actor) {
        CustomerCase subject = cases.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (subject == null) {
            throw ProblemException.notFound("Customer case " + id);
        }
        if (subject.closedAt != null) {
            return subject;
        }
        subject.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        record(subject, actor, "closed", Map.of("reason", reason));
        outbox(subject, "ACCOUNT_CLOSED", actor, List.of(reason));
        return subject;
    }

    /**
     * Assesses the case again with everything collected so far (in the caller's transaction). The verdict is
     * taken when it is stricter than the current decision, or when the case was waiting for information:
     * new evidence never quietly undoes a decision, a person's included.
     */
    public void reassess(CustomerCase subject, String actor, String why) {
        if (subject.decision == Decision.PENDING_SCREENING) {
            return; // decided once screening answers, with this evidence
        }
        CaseAssessor.Assessment verdict = assessor.assess(subject.profile(), subject.screening, evidence.evidenceOf(subject.id));
        Decision proposed = verdict.risk().decision();
        if (subject.decision == Decision.PENDING_INFO ? proposed != Decision.PENDING_INFO
                : severity(proposed) > severity(subject.decision)) {
            apply(subject, verdict, actor, why);
        }
    }

    private static int severity(Decision decision) {
        return switch (decision) {
            case APPROVED -> 0;
            case PENDING_INFO -> 1;
            case REVIEW -> 2;
            case REJECTED -> 3;
            case PENDING_SCREENING -> -1; // never taken over a decision
        };
    }

    private static void checkVersion(CustomerCase subject, long expectedVersion) {
        if (subject.version != expectedVersion) {
            throw ProblemException.conflict("stale-version", "Stale version",
                    "The case is at version " + subject.version + ", not " + expectedVersion
                            + "; read it again and apply the change to the current version")
                    .withError("If-Match", "expected version " + subject.version);
        }
    }

    private List<String> changedFields(CaseRequest before, CaseRequest after) {
        Map<String, Object> old = json.convertValue(before, Map.class);
        Map<String, Object> fresh = json.convertValue(after, Map.class);
        return fresh.keySet().stream().filter(field -> !java.util.Objects.equals(old.get(field), fresh.get(field))).toList();
    }

    /**
     * Decides a case that waited for screening, now that it was screened (in the caller's transaction); a case
     * decided or closed meanwhile is left as it is.
     */
    void completeScreening(UUID id, List<ScreeningIdentifier> identifiers, ScreeningSummary summary) {
        CustomerCase current = cases.findById(id);
        if (current == null || current.decision != Decision.PENDING_SCREENING || current.closedAt != null) {
            return;
        }
        ScreeningSummary stored = currentScreening.storable(current.profile(), identifiers, summary);
        if (stored == null) {
            return; // still waiting: screened again once its claim lapses
        }
        CaseAssessor.Assessment verdict = assessor.assess(current.profile(), stored, evidence.evidenceOf(current.id));
        current.screening = stored;
        apply(current, verdict, "screening-retry", "screened after screening-service came back");
    }

    private ScreeningSummary screenOrNull(CaseRequest request, List<ScreeningIdentifier> identifiers) {
        try {
            return currentScreening.screen(request, identifiers);
        } catch (RuntimeException e) {
            if (!CurrentScreening.isScreeningFailure(e)) {
                throw e;
            }
            LOG.warnf("Screening unavailable (%s); the case waits in PENDING_SCREENING", e.getMessage());
            return null;
        }
    }

    private CustomerCase insert(CaseRequest request, String idempotencyKey, String hash, String actor, String client,
                                CaseAssessor.Assessment verdict, ScreeningSummary summary) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CustomerCase created = new CustomerCase();
        created.id = UUID.randomUUID();
        created.kind = request.kind();
        created.legalName = request.legalName();
        created.declare(request);
        created.idempotencyKey = idempotencyKey;
        created.requestHash = hash;
        created.createdBy = actor;
        created.openedByClient = client;
        created.createdAt = now;
        created.screening = summary;
        created.updatedAt = now;
        record(created, verdict);
        cases.persist(created);
        audit(created, actor, "opened", verdict.risk());
        outbox(created, "DECISION", actor);
        cases.flush();
        cases.linkAccounts(created, request.accountIds());
        return created;
    }

    private void apply(CustomerCase current, CaseAssessor.Assessment verdict, String actor, String why) {
        current.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        record(current, verdict);
        audit(current, actor, "decided", verdict.risk());
        outbox(current, "DECISION", actor);
        LOG.infof("Case %s is now %s (%s)", current.id, current.decision, why);
    }

    private static void record(CustomerCase subject, CaseAssessor.Assessment verdict) {
        subject.decision = verdict.risk().decision();
        subject.reasons = verdict.risk().reasons();
        subject.riskScore = verdict.risk().score();
        subject.personStatus = verdict.person().status();
    }

    /** Adds an entry to the case's audit trail (in the caller's transaction). */
    public void record(CustomerCase subject, String actor, String action, Map<String, Object> detail) {
        subject.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        CaseAudit entry = new CaseAudit();
        entry.caseId = subject.id;
        entry.at = subject.updatedAt;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        cases.getEntityManager().persist(entry);
    }

    /** Queues an event for reporting-service (in the caller's transaction). */
    public void report(CustomerCase subject, String type, String actor, List<String> reasons) {
        outbox(subject, type, actor, reasons);
    }

    private void audit(CustomerCase subject, String actor, String action, RiskAssessment verdict) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", verdict.decision().name());
        detail.put("riskScore", verdict.score());
        detail.put("reasons", verdict.reasons());
        record(subject, actor, action, detail);
    }

    private void outbox(CustomerCase subject, String type, String actor) {
        outbox(subject, type, actor, subject.reasons);
    }

    private void outbox(CustomerCase subject, String type, String actor, List<String> reasons) {
        events.publish(subject.eventSubject(), type, actor, reasons);
    }

    private static Created replay(CustomerCase earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new customer")
                    .withError("Idempotency-Key", "already used for another body");
        }
        return new Created(earlier, true);
    }

    private String hash(CaseRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request cannot be hashed", e);
        }
    }

    /** The case, and whether it was created earlier by the same request. */
    public record Created(CustomerCase customerCase, boolean replayed) {
    }
}
