package io.tenantgate.identity.cases;

import io.grpc.StatusRuntimeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.identity.client.DeltaScreener;
import io.tenantgate.identity.client.ScreeningClient;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Screens a customer and brings the answer up to every list change identity-service has already taken in.
 * screening-service streams a change as soon as one replica has read it, while the replica that answered a
 * screening may still use the older index for a few seconds; a customer screened then, whose re-screening
 * chunk for that change ran before the case was stored, would never be screened against the change. So the
 * answer is screened against the delta of each change taken in after the one it was computed with.
 */
@ApplicationScoped
public class CurrentScreening {

    private static final Logger LOG = Logger.getLogger(CurrentScreening.class);
    private static final UUID SUBJECT = new UUID(0, 0);
    /** Advisory lock between storing a screening and taking in a list change (an arbitrary constant). */
    private static final long TAKE_IN_LOCK = 0x7465_6e61_6e74_0001L;

    private final ScreeningClient screening;
    private final DeltaScreener deltas;
    private final EntityManager entities;

    public CurrentScreening(ScreeningClient screening, DeltaScreener deltas, EntityManager entities) {
        this.screening = screening;
        this.deltas = deltas;
        this.entities = entities;
    }

    /**
     * @throws RuntimeException as {@link ScreeningClient#screen} and {@link DeltaScreener#screen} do, when
     *                          screening-service does not answer or refuses the profile
     */
    public ScreeningSummary screen(CaseRequest profile, List<ScreeningIdentifier> identifiers) {
        return catchUp(profile, identifiers, screening.screen(profile, identifiers));
    }

    /**
     * The screening to store with a case, in the storing transaction: it holds off taking in new list changes
     * until that transaction ends (a change taken in after it lays out re-screening chunks that see the stored
     * case), and catches up with any change taken in since {@link #screen}. Storing transactions do not hold
     * each other up.
     *
     * @return the screening to store, or null when a change's delta could not be screened (screening-service
     *         away): the caller stores no screening, as when the first call failed
     */
    public ScreeningSummary storable(CaseRequest profile, List<ScreeningIdentifier> identifiers, ScreeningSummary summary) {
        entities.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, TAKE_IN_LOCK)
                .getSingleResult();
        try {
            return catchUp(profile, identifiers, summary);
        } catch (RuntimeException failed) {
            if (!isScreeningFailure(failed)) {
                throw failed;
            }
            LOG.warnf("A list change taken in meanwhile could not be screened (%s)", failed.getMessage());
            return null;
        }
    }

    /** Taking in a list change, in its transaction: waits for the screenings being stored to be committed. */
    public void lockForTakeIn() {
        entities.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, TAKE_IN_LOCK).getSingleResult();
    }

    /** True for the failures of a screening call: screening-service away, too slow, or refusing the request. */
    public static boolean isScreeningFailure(RuntimeException failure) {
        return failure instanceof StatusRuntimeException || failure instanceof FaultToleranceException
                || failure instanceof io.smallrye.mutiny.TimeoutException;
    }

    /** The screening with the deltas of the changes taken in after it applied; as it was when there are none. */
    ScreeningSummary catchUp(CaseRequest profile, List<ScreeningIdentifier> identifiers, ScreeningSummary summary) {
        if (summary.listChangeId() == 0) {
            return summary; // an answer that does not say which change it used: nothing to compare with
        }
        ScreeningSummary current = summary;
        for (ListDelta change : takenInAfter(summary.listChangeId())) {
            List<ScreeningSummary.Hit> hits = deltas.screen(change.changeId(),
                    List.of(new DeltaScreener.Subject(SUBJECT, profile, identifiers))).getOrDefault(SUBJECT, List.of());
            current = current.withDelta(change, hits);
        }
        return current;
    }

    /** The changes taken in after the given one that added or changed entries, oldest first. */
    List<ListDelta> takenInAfter(long changeId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery("""
                            select change_id, source, list_version, added_keys, changed_keys, removed_keys
                            from list_change_seen
                            where change_id > ?1 and (cardinality(added_keys) > 0 or cardinality(changed_keys) > 0)
                            order by change_id""")
                    .setParameter(1, changeId).getResultList();
            return rows.stream().map(row -> new ListDelta(((Number) row[0]).longValue(), (String) row[1],
                    ((Number) row[2]).longValue(), List.of((String[]) row[3]), List.of((String[]) row[4]),
                    List.of((String[]) row[5]))).toList();
        });
    }
}
