package io.tenantgate.identity.rescreening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.client.ListChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-screens active customers when the lists change. Every replica follows screening-service's change
 * stream and records each change once (idempotent inserts); one task per active case and change is then
 * claimed by exactly one replica (SKIP LOCKED) and re-screened. A new potential match reopens the case for
 * review. The stream is followed again after any break, from the last change recorded.
 */
@ApplicationScoped
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);
    private static final int BATCH = 50;

    private final ListChangeFeed feed;
    private final EntityManager entities;
    private final CaseService cases;
    private final ScheduledExecutorService reconnect = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "list-change-follower"));
    private volatile boolean stopping;

    public Rescreening(ListChangeFeed feed, EntityManager entities, CaseService cases) {
        this.feed = feed;
        this.entities = entities;
        this.cases = cases;
    }

    void onStart(@Observes StartupEvent start) {
        reconnect.execute(this::follow);
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        reconnect.shutdownNow();
    }

    private void follow() {
        if (stopping) {
            return;
        }
        long after = QuarkusTransaction.requiringNew().call(() -> ((Number) entities
                .createNativeQuery("select coalesce(max(change_id), 0) from list_change_seen").getSingleResult()).longValue());
        feed.subscribe(after, change -> QuarkusTransaction.requiringNew().run(() -> takeIn(change)), failure -> {
            if (!stopping) {
                LOG.debugf("List change stream ended (%s); following again in 5 s", failure);
                reconnect.schedule(this::follow, 5, TimeUnit.SECONDS);
            }
        });
    }

    /** Records the change and one task per active case; a replica that already did so changes nothing. */
    private void takeIn(ListChangeFeed.Change change) {
        int recorded = entities.createNativeQuery("""
                        insert into list_change_seen (change_id, changed_keys) values (?1, ?2)
                        on conflict do nothing""")
                .setParameter(1, change.id()).setParameter(2, change.changed().toArray(String[]::new))
                .executeUpdate();
        if (recorded == 0) {
            return;
        }
        int tasks = entities.createNativeQuery("""
                        insert into rescreen_task (change_id, case_id)
                        select ?1, id from customer_case where decision in ('APPROVED', 'REVIEW') and closed_at is null
                        on conflict do nothing""")
                .setParameter(1, change.id()).executeUpdate();
        LOG.infof("List change %d (%s: %d added, %d changed, %d removed): %d cases to re-screen", change.id(),
                change.source(), change.added().size(), change.changed().size(), change.removed().size(), tasks);
    }

    /** Claims a batch of tasks and re-screens their cases, inside the claiming transaction. */
    @Scheduled(every = "${tenantgate.identity.rescreen-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void work() {
        boolean more = true;
        while (more && !stopping) {
            more = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> claimed = entities.createNativeQuery("""
                                select t.change_id, t.case_id, s.changed_keys from rescreen_task t
                                join list_change_seen s on s.change_id = t.change_id
                                where t.done_at is null order by t.change_id limit %d for update of t skip locked"""
                                .formatted(BATCH))
                        .getResultList();
                for (Object[] task : claimed) {
                    long changeId = ((Number) task[0]).longValue();
                    UUID caseId = (UUID) task[1];
                    List<String> changedKeys = List.of((String[]) task[2]);
                    cases.rescreen(caseId, changeId, changedKeys);
                    entities.createNativeQuery("update rescreen_task set done_at = now() where change_id = ?1 and case_id = ?2")
                            .setParameter(1, changeId).setParameter(2, caseId).executeUpdate();
                }
                return claimed.size() == BATCH;
            });
        }
    }
}
