package io.tenantgate.identity.client;

import com.google.protobuf.CodedOutputStream;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.proto.screening.v1.ChangeSubject;
import io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest;
import io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse;
import io.tenantgate.proto.screening.v1.ScreeningService;
import io.tenantgate.proto.screening.v1.SubjectMatches;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link DeltaScreener} over screening-service's {@code ScreenAgainstChange} stream: the customers go in
 * batches on one stream, each as flat parties ("customer", "customer/owner0", "customer/owner0/owner1", the
 * references a full screening uses), and only the customers that matched come back.
 */
@ApplicationScoped
public class DeltaScreeningClient implements DeltaScreener {

    static final int BATCH = 500;
    /** A quarter of the 4 MiB a gRPC message may have ({@code tenantgate.grpc.max-message-size}). */
    static final int BATCH_BYTES = 1 << 20;
    /** A wait that grows with the work: one customer at sign-up waits seconds, a chunk of thousands minutes. */
    private static final Duration TIMEOUT_BASE = Duration.ofSeconds(3);
    private static final Duration TIMEOUT_PER_SUBJECT = Duration.ofMillis(50);
    private static final Duration TIMEOUT_MAX = Duration.ofMinutes(2);
    private static final int QUICK_ATTEMPTS = 8;
    private static final Duration QUICK_RETRY_DELAY = Duration.ofMillis(250);

    private final ScreeningService screening;

    public DeltaScreeningClient(@GrpcClient("screening") ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public Map<UUID, List<ScreeningSummary.Hit>> screen(long changeId, List<Subject> subjects) {
        Map<UUID, List<ScreeningSummary.Hit>> matched = new HashMap<>();
        if (subjects.isEmpty()) {
            return matched;
        }
        List<ScreenAgainstChangeRequest> batches = batches(changeId, subjects);
        List<ScreenAgainstChangeResponse> answers = answers(batches, subjects.size());
        if (answers.size() != batches.size()) {
            throw new IllegalStateException("screening-service answered " + answers.size() + " of " + batches.size()
                    + " batches of list change " + changeId);
        }
        for (ScreenAgainstChangeResponse answer : answers) {
            for (SubjectMatches subject : answer.getMatchedList()) {
                matched.put(UUID.fromString(subject.getSubjectId()), subject.getMatchesList().stream()
                        .map(ScreenedParties::hit).toList());
            }
        }
        return matched;
    }

    /**
     * The subjects in batches of at most {@link #BATCH} subjects and {@link #BATCH_BYTES} bytes, so that a batch of
     * customers with many owners stays well inside the largest gRPC message a service accepts. Each batch is named
     * by the position of its first subject.
     */
    static List<ScreenAgainstChangeRequest> batches(long changeId, List<Subject> subjects) {
        List<ScreenAgainstChangeRequest> batches = new ArrayList<>();
        ScreenAgainstChangeRequest.Builder batch = null;
        int bytes = 0;
        for (int position = 0; position < subjects.size(); position++) {
            ChangeSubject subject = subject(subjects.get(position));
            int size = CodedOutputStream.computeMessageSize(ScreenAgainstChangeRequest.SUBJECTS_FIELD_NUMBER, subject);
            if (batch != null && (batch.getSubjectsCount() == BATCH || bytes + size > BATCH_BYTES)) {
                batches.add(batch.build());
                batch = null;
            }
            if (batch == null) {
                batch = ScreenAgainstChangeRequest.newBuilder().setChangeId(changeId).setBatchId(String.valueOf(position));
                bytes = 0;
            }
            batch.addSubjects(subject);
            bytes += size;
        }
        if (batch != null) {
            batches.add(batch.build());
        }
        return batches;
    }

    /**
     * The answers to every batch. A replica that has not read the change yet answers UNAVAILABLE; the calls
     * spread over the replicas, and the others read a change within a second or two of the first, so the call
     * is tried again a few times at short intervals before the chunk waits with backoff.
     */
    private List<ScreenAgainstChangeResponse> answers(List<ScreenAgainstChangeRequest> batches, int subjects) {
        for (int attempt = 1; ; attempt++) {
            try {
                return screening.screenAgainstChange(Multi.createFrom().iterable(batches))
                        .collect().asList().await().atMost(timeout(subjects));
            } catch (StatusRuntimeException failed) {
                if (failed.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt == QUICK_ATTEMPTS) {
                    throw failed;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(QUICK_RETRY_DELAY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }

    static Duration timeout(int subjects) {
        Duration grown = TIMEOUT_BASE.plus(TIMEOUT_PER_SUBJECT.multipliedBy(subjects));
        return grown.compareTo(TIMEOUT_MAX) > 0 ? TIMEOUT_MAX : grown;
    }

    static ChangeSubject subject(Subject subject) {
        CaseRequest customer = subject.profile();
        ChangeSubject.Builder built = ChangeSubject.newBuilder().setSubjectId(subject.caseId().toString());
        List<String> names = new ArrayList<>();
        names.add(customer.legalName());
        names.addAll(customer.otherNames());
        built.addParties(ScreenedParties.party("customer", customer.kind(), names, customer.countries(), customer.date(),
                customer.addresses()).addAllIdentityNumbers(ScreenedParties.identityNumbers(customer, subject.identifiers())));
        addOwners(built, "customer", customer.owners());
        if (customer.reseller() != null) {
            built.addParties(ScreenedParties.reseller(customer.reseller()));
        }
        return built.build();
    }

    private static void addOwners(ChangeSubject.Builder subject, String reference, List<CaseRequest.Owner> owners) {
        for (int i = 0; i < owners.size(); i++) {
            CaseRequest.Owner owner = owners.get(i);
            String ownerReference = reference + "/owner" + i;
            subject.addParties(ScreenedParties.party(ownerReference, owner.kind(), List.of(owner.name()), owner.countries(),
                    owner.date(), owner.addresses()));
            addOwners(subject, ownerReference, owner.owners());
        }
    }
}
