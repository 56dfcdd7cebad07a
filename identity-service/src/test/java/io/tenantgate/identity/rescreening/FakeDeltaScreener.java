package io.tenantgate.identity.rescreening;

import io.tenantgate.identity.testing.ScreeningHits;
import io.quarkus.test.Mock;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.client.DeltaScreener;
import io.tenantgate.identity.client.ScreeningSummary;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for screening-service's ScreenAgainstChange in identity's tests: a party whose name is listed in
 * {@link #entries} for a change matches that entry; everything it was asked is recorded.
 */
@Mock
@ApplicationScoped
public class FakeDeltaScreener implements DeltaScreener {

    /** Change id to (party name to entry key). */
    static final Map<Long, Map<String, String>> entries = new ConcurrentHashMap<>();
    /** Change id to every case id screened against it, in order, repeats included. */
    static final Map<Long, List<UUID>> screened = new ConcurrentHashMap<>();
    /** Changes whose next call fails as if screening-service were away. */
    static final Set<Long> failNext = ConcurrentHashMap.newKeySet();
    /** Changes whose next call screening-service refuses, as it would an invalid batch. */
    static final Set<Long> refuseNext = ConcurrentHashMap.newKeySet();

    @Override
    public Map<UUID, List<ScreeningSummary.Hit>> screen(long changeId, List<Subject> subjects) {
        if (failNext.remove(changeId)) {
            throw io.grpc.Status.UNAVAILABLE.withDescription("screening-service away (fake)").asRuntimeException();
        }
        if (refuseNext.remove(changeId)) {
            throw io.grpc.Status.INVALID_ARGUMENT.withDescription("subjects[0].parties: invalid (fake)").asRuntimeException();
        }
        Map<String, String> listed = entries.getOrDefault(changeId, Map.of());
        Map<UUID, List<ScreeningSummary.Hit>> matched = new HashMap<>();
        for (Subject subject : subjects) {
            List<ScreeningSummary.Hit> hits = new ArrayList<>();
            CaseRequest profile = subject.profile();
            hit(listed, "customer", profile.legalName(), hits);
            for (int i = 0; i < profile.owners().size(); i++) {
                hit(listed, "customer/owner" + i, profile.owners().get(i).name(), hits);
            }
            if (!hits.isEmpty()) {
                matched.put(subject.caseId(), hits);
            }
        }
        // recorded only once the call succeeds: a failed call is one whose transaction rolls back
        screened.computeIfAbsent(changeId, id -> new CopyOnWriteArrayList<>())
                .addAll(subjects.stream().map(Subject::caseId).toList());
        return matched;
    }

    private static void hit(Map<String, String> listed, String reference, String name, List<ScreeningSummary.Hit> hits) {
        String entry = listed.get(name);
        if (entry != null) {
            hits.add(ScreeningHits.nameOnly(reference, entry, "INTERNAL", 0.95, name));
        }
    }
}
