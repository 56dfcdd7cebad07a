package io.tenantgate.identity.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.common.problem.Problem;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.webhooks.WebhookEvent;
import io.tenantgate.identity.webhooks.WebhookService;
import io.tenantgate.identity.config.IdentityConfig;
import io.tenantgate.identity.evidence.EvidenceRepository;
import io.tenantgate.decision.person.PersonDeterminer;
import io.tenantgate.decision.person.PersonStatus;
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
    /** The decisions whose stored screening follows list changes: a rejected or unscreened case has nothing to follow. */
    private static final java.util.Set<Decision> RESCREENED = java.util.EnumSet.of(Decision.APPROVED, Decision.REVIEW,
            Decision.PENDING_INFO);

    private final CaseRepository cases;
    private final CurrentScreening currentScreening;
    private final CaseAssessor assessor;
    private final ObjectMapper json;
    private final EvidenceRepository evidence;
    private final WebhookService webhooks;

    public CaseService(CaseRepository cases, CurrentScreening currentScreening, IdentityConfig config, ObjectMapper json,
                       EvidenceRepository evidence, WebhookService webhooks) {
        this.cases = cases;
        this.evidence = evidence;
        this.webhooks = webhooks;
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
    public Created open(CaseRequest request, String idempotencyKey, String actor) {
        String hash = hash(request);
        var earlier = QuarkusTransaction.joiningExisting().call(() -> cases.findByIdempotencyKey(idempotencyKey));
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        ScreeningSummary screened = screenOrNull(request, List.of());
        try {
            return new Created(QuarkusTransaction.requiringNew().call(() -> {
                ScreeningSummary summary = screened == null ? null : currentScreening.storable(request, List.of(), screened);
                return insert(request, idempotencyKey, hash, actor,
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
            throw new ProblemException(Problem.of("case-closed", "Case closed", 409,
                    "The account was closed at " + subject.closedAt + "; its records are kept but no longer change"));
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
                throw new ProblemException(Problem.of("case-rejected", "Case rejected", 409,
                        "A rejected case is final; open a new case for new data"));
            }
            ScreeningSummary summary = screened == null ? null : currentScreening.storable(request, identifiers, screened);
            CaseEvidence collected = evidence.evidenceOf(id); // before any change: its queries flush the session
            List<String> changed = changedFields(subject.profile, request);
            subject.profile = request;
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
        CaseAssessor.Assessment verdict = assessor.assess(subject.profile, subject.screening, evidence.evidenceOf(subject.id));
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
            throw new ProblemException(Problem.of("stale-version", "Stale version", 409,
                    "The case is at version " + subject.version + ", not " + expectedVersion
                            + "; read it again and apply the change to the current version")
                    .withErrors(List.of(new Problem.FieldError("If-Match", "expected version " + subject.version))));
        }
    }

    private List<String> changedFields(CaseRequest before, CaseRequest after) {
        Map<String, Object> old = json.convertValue(before, Map.class);
        Map<String, Object> fresh = json.convertValue(after, Map.class);
        return fresh.keySet().stream().filter(field -> !java.util.Objects.equals(old.get(field), fresh.get(field))).toList();
    }

    /**
     * Takes in what re-screening an active case against one list change found (inside the caller's
     * transaction): {@code deltaHits} are the matches of its parties against the entries the change added or
     * changed. Entries whose content changed are no longer cleared; a match that is neither known nor cleared
     * reopens the case for review; a case waiting for information keeps it for when the data arrives, unless it
     * decides the case now. The stored screening keeps its hits on entries the change did not touch and takes
     * the change's hits in their place.
     *
     * @return true when the case was reopened for review or decided
     */
    public boolean rescreen(UUID id, ListDelta change, List<ScreeningSummary.Hit> deltaHits) {
        CustomerCase subject = cases.findById(id);
        if (subject == null || subject.closedAt != null || !RESCREENED.contains(subject.decision)) {
            return false;
        }
        java.util.Set<String> changedKeys = new java.util.HashSet<>(change.changed());
        List<String> stillCleared = subject.clearedEntries.stream().filter(key -> !changedKeys.contains(key)).toList();
        java.util.Set<String> known = new java.util.HashSet<>(stillCleared);
        if (subject.screening != null) {
            subject.screening.hits().forEach(hit -> known.add(hit.entryKey()));
        }
        List<ScreeningSummary.Hit> fresh = deltaHits.stream().filter(hit -> !known.contains(hit.entryKey())).toList();
        if (fresh.isEmpty() && stillCleared.size() == subject.clearedEntries.size()) {
            return false; // nothing new: the case stays as it is
        }
        subject.clearedEntries = stillCleared;
        subject.screening = subject.screening == null
                ? new ScreeningSummary(List.of(), List.of(), List.of(), List.of(), 0, 0).withDelta(change, deltaHits)
                : subject.screening.withDelta(change, deltaHits);
        if (!fresh.isEmpty() && subject.decision == Decision.PENDING_INFO) {
            // the match counts once the missing data arrives, unless it decides the case already
            reassess(subject, "rescreening", "list change " + change.changeId() + " brought a new potential match");
        } else if (!fresh.isEmpty()) {
            List<String> reasons = new java.util.ArrayList<>();
            fresh.forEach(hit -> reasons.add(String.format(java.util.Locale.ROOT,
                    "list change %d: new potential match of %s with %s (%s), score %.3f", change.changeId(),
                    hit.partyReference(), hit.entryKey(), String.join("/", hit.sources()), hit.score())));
            reasons.addAll(subject.reasons);
            boolean wasApproved = subject.decision == Decision.APPROVED;
            subject.decision = Decision.REVIEW;
            subject.reasons = reasons;
            subject.reviewProposal = null;
            outbox(subject, "DECISION", "rescreening");
            if (wasApproved) {
                // the customer may be running compute now: the provider should pause it until the review ends
                tell(subject, reasons, List.of(WebhookEvent.CASE_REOPENED, WebhookEvent.ACCOUNT_HOLD_RECOMMENDED));
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("listChange", change.changeId());
        detail.put("newMatches", fresh.stream().map(ScreeningSummary.Hit::entryKey).toList());
        detail.put("decision", subject.decision.name());
        record(subject, "rescreening", "rescreened", detail);
        return !fresh.isEmpty() && subject.decision != Decision.PENDING_INFO;
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
        ScreeningSummary stored = currentScreening.storable(current.profile, identifiers, summary);
        CaseAssessor.Assessment verdict = assessor.assess(current.profile, stored, evidence.evidenceOf(current.id));
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

    private CustomerCase insert(CaseRequest request, String idempotencyKey, String hash, String actor,
                                CaseAssessor.Assessment verdict, ScreeningSummary summary) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CustomerCase created = new CustomerCase();
        created.id = UUID.randomUUID();
        created.kind = request.kind();
        created.legalName = request.legalName();
        created.profile = request;
        created.idempotencyKey = idempotencyKey;
        created.requestHash = hash;
        created.createdBy = actor;
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

    /**
     * Queues an event; a decision or review outcome that approves a customer for the first time also reports
     * the account as opened (the annual CIP certification counts them).
     */
    private void outbox(CustomerCase subject, String type, String actor, List<String> reasons) {
        enqueue(subject, type, actor, reasons);
        List<WebhookEvent> told = switch (type) {
            case "DECISION" -> subject.decision == Decision.REVIEW
                    ? List.of(WebhookEvent.CASE_DECIDED, WebhookEvent.CASE_REVIEW_OPENED) : List.of(WebhookEvent.CASE_DECIDED);
            case "REVIEW_OUTCOME" -> List.of(WebhookEvent.CASE_REVIEW_CLOSED, WebhookEvent.CASE_DECIDED);
            case "ACCOUNT_CLOSED" -> List.of(WebhookEvent.ACCOUNT_CLOSED);
            default -> List.of();
        };
        tell(subject, reasons, told);
        boolean decides = type.equals("DECISION") || type.equals("REVIEW_OUTCOME");
        if (decides && subject.decision == Decision.APPROVED && !cases.hasOutboxEvent(subject.id, "ACCOUNT_OPENED")) {
            enqueue(subject, "ACCOUNT_OPENED", actor, List.of("approved: the account may be opened"));
        }
    }

    /** Queues webhook deliveries for the provider's systems (in the caller's transaction). */
    private void tell(CustomerCase subject, List<String> reasons, List<WebhookEvent> events) {
        if (!events.isEmpty()) {
            webhooks.publish(subject.id, subject.profile.accountIds(), subject.decision.name(), reasons, events);
        }
    }

    private void enqueue(CustomerCase subject, String type, String actor, List<String> reasons) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.customerId = subject.id;
        event.sequence = cases.nextOutboxSequence(subject.id);
        event.type = type;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", subject.decision.name());
        payload.put("reasons", reasons);
        payload.put("country", subject.profile.countries().get(0));
        payload.put("foreignPerson", subject.personStatus == PersonStatus.FOREIGN_PERSON);
        payload.put("actor", actor);
        event.payload = payload;
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        cases.getEntityManager().persist(event);
    }

    private static Created replay(CustomerCase earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(Problem.of("idempotency-key-reused", "Idempotency key reused", 422,
                    "This Idempotency-Key was used for a different request; use a new key for a new customer")
                    .withErrors(List.of(new Problem.FieldError("Idempotency-Key", "already used for another body"))));
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
