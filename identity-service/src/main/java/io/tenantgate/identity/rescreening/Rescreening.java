package io.tenantgate.identity.rescreening;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.retry.Backoff;
import io.tenantgate.common.retry.Failures;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CurrentScreening;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.identity.client.DeltaScreener;
import io.tenantgate.identity.client.ListChangeSource;
import io.tenantgate.identity.client.ScreeningIdentifier;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.evidence.EvidenceRepository;
import io.tenantgate.identity.config.IdentityConfig;
import io.tenantgate.identity.secrets.CaseProfileSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Re-screens active customers and their owners when the lists change, against the change's delta only.
 * Every replica follows screening-service's change stream and records each change once (idempotent
 * inserts), with its cases split into chunks of consecutive case ids. A replica claims one chunk at a time
 * (SKIP LOCKED), reads its cases' profiles in one query, streams their parties to screening-service to be
 * screened against only the entries the change added or changed, and for the few customers that matched,
 * or that had cleared an entry the change altered, takes the finding in: a new match reopens the case for
 * review. The chunk is marked done in the same transaction, so no case is re-screened twice for one change,
 * replicas share the work, and a chunk a replica did not finish (crash, screening-service away) is simply
 * claimed again. {@link ListChangeFollower} takes every change in, in order, with no gap.
 */
@ApplicationScoped
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);
    private static final String FIRST_ID = "00000000-0000-0000-0000-000000000000";

    private final EntityManager entities;
    private final RescreenedCases rescreened;
    private final CurrentScreening currentScreening;
    private final DeltaScreener screener;
    private final CaseProfileSeal profiles;
    private final EvidenceRepository evidence;
    private final int chunkSize;
    private final Backoff backoff;
    private final int workers;
    private final ExecutorService pool;
    private final ScheduledExecutorService reconnect = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "list-change-follower"));
    /** Runs a round as soon as a change is taken in, beside the scheduler's; never on the pool its drains need. */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rescreen-wake");
        thread.setDaemon(true);
        return thread;
    });
    private final ListChangeFollower follower;
    private volatile boolean stopping;
    private final AtomicBoolean working = new AtomicBoolean();

    public Rescreening(ListChangeSource feed, EntityManager entities, RescreenedCases rescreened, CurrentScreening currentScreening,
                       DeltaScreener screener, CaseProfileSeal profiles, EvidenceRepository evidence,
                       IdentityConfig config) {
        this.entities = entities;
        this.rescreened = rescreened;
        this.currentScreening = currentScreening;
        this.screener = screener;
        this.profiles = profiles;
        this.evidence = evidence;
        this.chunkSize = Math.max(1, config.rescreenChunkSize());
        this.backoff = new Backoff(config.screeningRetryInterval(), config.screeningRetryMax());
        this.workers = Math.max(1, config.rescreenWorkers());
        int[] counter = {0};
        this.pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "rescreen-" + counter[0]++);
            thread.setDaemon(true);
            return thread;
        });
        this.follower = new ListChangeFollower(feed, new ListChangeFollower.Position() {
            @Override
            public long lastTakenIn() {
                return QuarkusTransaction.requiringNew().call(() -> ((Number) entities
                        .createNativeQuery("select coalesce(max(change_id), 0) from list_change_seen")
                        .getSingleResult()).longValue());
            }

            @Override
            public void takeIn(ListDelta change) {
                if (QuarkusTransaction.requiringNew().call(() -> Rescreening.this.takeIn(change)) > 0) {
                    wake(); // start on the new chunks now rather than at the next scheduled round
                }
            }
        }, reconnect, config.listChangeRetryDelay());
    }

    void onStart(@Observes StartupEvent start) {
        follower.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        follower.stop();
        reconnect.shutdownNow();
        waker.shutdownNow();
        pool.shutdownNow();
    }

    /** Finds a list change stream that stopped without ending, and follows again. */
    @Scheduled(every = "${tenantgate.identity.list-change-check-interval:30s}",
            delayed = "${tenantgate.identity.list-change-check-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkFollowing() {
        follower.check();
    }

    /**
     * Records the change and splits every case into chunks of consecutive ids (in the caller's transaction); a
     * replica that already did so changes nothing. A change that added and changed nothing gets no chunks:
     * nobody can newly match it.
     *
     * @return the number of chunks created
     */
    int takeIn(ListDelta change) {
        currentScreening.lockForTakeIn();
        int recorded = entities.createNativeQuery("""
                        insert into list_change_seen (change_id, source, list_version, added_keys, changed_keys, removed_keys)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, change.changeId()).setParameter(2, change.source()).setParameter(3, change.version())
                .setParameter(4, change.added().toArray(String[]::new))
                .setParameter(5, change.changed().toArray(String[]::new))
                .setParameter(6, change.removed().toArray(String[]::new))
                .executeUpdate();
        if (recorded == 0) {
            return 0;
        }
        int chunks = change.nothingToScreen() ? 0 : entities.createNativeQuery("""
                        insert into rescreen_chunk (change_id, chunk, from_id, to_id)
                        select ?1, (row_number() over (order by id))::int - 1,
                               case when n = 1 then cast('%s' as uuid) else id end, lead(id) over (order by id)
                        from (select id, row_number() over (order by id) as n from customer_case) numbered
                        where (n - 1) %% ?2 = 0""".formatted(FIRST_ID))
                .setParameter(1, change.changeId()).setParameter(2, chunkSize).executeUpdate();
        LOG.infof("List change %d (%s version %d: %d added, %d changed, %d removed): %d chunks of up to %d cases to re-screen",
                change.changeId(), change.source(), change.version(), change.added().size(), change.changed().size(),
                change.removed().size(), chunks, chunkSize);
        return chunks;
    }

    /** Re-screens chunks until none is left, on this replica's workers; a round already running is not doubled. */
    @Scheduled(every = "${tenantgate.identity.rescreen-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < workers && !stopping; i++) {
                running.add(CompletableFuture.runAsync(this::drain, pool));
            }
            running.forEach(CompletableFuture::join);
        } finally {
            working.set(false);
        }
    }

    private void wake() {
        if (!stopping) {
            waker.execute(this::work);
        }
    }

    private void drain() {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            Round round;
            do {
                round = rescreenOneChunk();
            } while (!stopping && (round == Round.DONE || round == Round.PARKED));
        } catch (RuntimeException failed) {
            LOG.warnf("Re-screening paused (%s); the chunk is claimed again in a later round", Failures.describe(failed));
        } finally {
            request.terminate();
        }
    }

    /** What claiming one chunk came to. */
    enum Round {
        /** No chunk is due. */
        NONE,
        /** The chunk was re-screened and marked done. */
        DONE,
        /** The chunk failed for good and was parked; the next one may be taken. */
        PARKED,
        /** The chunk failed for now and waits with backoff; screening-service is most likely away. */
        WAITING
    }

    /**
     * Claims one due chunk and re-screens it in the claiming transaction, holding the chunk's lock throughout. A
     * failed screening is recorded in the same transaction (nothing was written before it), so no other replica can
     * take the chunk between the failure and its record: a permanent failure (screening-service refused the batch,
     * a stored profile cannot be read) parks the chunk, any other makes it wait with backoff and jitter.
     */
    Round rescreenOneChunk() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery("""
                            select c.change_id, c.chunk, c.from_id, c.to_id, s.source, s.list_version,
                                   s.added_keys, s.changed_keys, s.removed_keys, c.attempts
                            from rescreen_chunk c join list_change_seen s on s.change_id = c.change_id
                            where c.done_at is null and c.parked_at is null
                              and (c.next_attempt_at is null or c.next_attempt_at <= now())
                            order by c.change_id, c.chunk limit 1
                            for update of c skip locked""")
                    .getResultList();
            if (rows.isEmpty()) {
                return Round.NONE;
            }
            Object[] chunk = rows.get(0);
            ListDelta change = new ListDelta(((Number) chunk[0]).longValue(), (String) chunk[4],
                    ((Number) chunk[5]).longValue(), List.of((String[]) chunk[6]), List.of((String[]) chunk[7]),
                    List.of((String[]) chunk[8]));
            int number = ((Number) chunk[1]).intValue();
            Outcome outcome;
            try {
                outcome = rescreen(change, (UUID) chunk[2], (UUID) chunk[3]);
            } catch (UnreadableProfile | ScreeningFailed failed) {
                boolean permanent = failed instanceof UnreadableProfile || Failures.isPermanent(failed.getCause());
                recordFailure(change.changeId(), number, ((Number) chunk[9]).intValue(), failed, permanent);
                return permanent ? Round.PARKED : Round.WAITING;
            }
            entities.createNativeQuery("""
                            update rescreen_chunk set done_at = now(), screened = ?3, matched = ?4, reopened = ?5
                            where change_id = ?1 and chunk = ?2""")
                    .setParameter(1, change.changeId()).setParameter(2, number).setParameter(3, outcome.screened())
                    .setParameter(4, outcome.matched()).setParameter(5, outcome.reopened()).executeUpdate();
            return Round.DONE;
        });
    }

    /** Records a chunk's failed attempt (in the caller's transaction): parked, or due again after a backoff. */
    private void recordFailure(long changeId, int chunk, int attemptsBefore, RuntimeException failed, boolean permanent) {
        String reason = failed instanceof ScreeningFailed ? Failures.describe(failed.getCause()) : failed.getMessage();
        Duration wait = backoff.jittered(attemptsBefore + 1);
        if (permanent) {
            LOG.warnf("Re-screening chunk %d of change %d parked: %s", chunk, changeId, reason);
        } else {
            LOG.warnf("Re-screening chunk %d of change %d waits %d ms: %s", chunk, changeId, wait.toMillis(), reason);
        }
        entities.createNativeQuery("""
                        update rescreen_chunk set attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs => ?3),
                               parked_at = case when ?4 then now() end, parked_reason = case when ?4 then ?5 end
                        where change_id = ?1 and chunk = ?2""")
                .setParameter(1, changeId).setParameter(2, chunk)
                .setParameter(3, (double) wait.toMillis() / 1000).setParameter(4, permanent)
                .setParameter(5, reason).executeUpdate();
    }

    /** screening-service did not screen a chunk (it was away, or refused the batch); nothing was written yet. */
    static final class ScreeningFailed extends RuntimeException {
        ScreeningFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * A stored profile, document number or wallet address that cannot be read (a missing key, damaged data):
     * trying again cannot mend it.
     */
    static final class UnreadableProfile extends RuntimeException {
        UnreadableProfile(String what, RuntimeException cause) {
            super(what + " cannot be read: " + cause.getMessage(), cause);
        }
    }

    /** The active cases with ids in [from, to) against the change (in the caller's transaction). */
    Outcome rescreen(ListDelta change, UUID from, UUID to) {
        @SuppressWarnings("unchecked")
        var query = entities.createNativeQuery("""
                        select id, profile, jsonb_exists_any(cleared_entries, ?2) from customer_case
                        where id >= ?1 %s and decision in (%s) and closed_at is null
                        and profile is not null""".formatted(to == null ? "" : "and id < ?3", RescreenedCases.RESCREENED.stream()
                        .map(decision -> "'" + decision.name() + "'").collect(java.util.stream.Collectors.joining(", "))))
                .setParameter(1, from).setParameter(2, change.changed().toArray(String[]::new));
        if (to != null) {
            query.setParameter(3, to);
        }
        List<Object[]> rows = query.getResultList();
        List<DeltaScreener.Subject> subjects = new ArrayList<>(rows.size());
        Set<UUID> touched = new HashSet<>();
        Map<UUID, List<ScreeningIdentifier>> identifiers;
        try {
            identifiers = evidence.identifiers(rows.stream().map(row -> (UUID) row[0]).toList());
        } catch (RuntimeException unreadable) {
            throw new UnreadableProfile("the document numbers or wallet addresses of the chunk's cases", unreadable);
        }
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            CaseRequest profile;
            try {
                profile = profiles.open((String) row[1], id);
            } catch (RuntimeException unreadable) {
                throw new UnreadableProfile("the stored profile of case " + id, unreadable);
            }
            subjects.add(new DeltaScreener.Subject(id, profile, identifiers.getOrDefault(id, List.of())));
            if (Boolean.TRUE.equals(row[2])) {
                touched.add(id); // a cleared entry changed: it no longer counts as cleared
            }
        }
        Map<UUID, List<ScreeningSummary.Hit>> hits;
        try {
            hits = screener.screen(change.changeId(), subjects);
        } catch (RuntimeException failed) {
            throw new ScreeningFailed(failed);
        }
        touched.addAll(hits.keySet());
        int reopened = 0;
        for (UUID id : touched) {
            if (rescreened.takeIn(id, change, hits.getOrDefault(id, List.of()))) {
                reopened++;
            }
        }
        return new Outcome(subjects.size(), hits.size(), reopened);
    }

    /** What one chunk found: active cases screened, cases with a match, cases reopened for review. */
    record Outcome(int screened, int matched, int reopened) {
    }
}
