package io.tenantgate.screening.index;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.screening.config.ScreeningConfig;
import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.EntryMerger;
import io.tenantgate.screening.lists.BundledSnapshot;
import io.tenantgate.screening.lists.ListChanges;
import io.tenantgate.screening.lists.ListStatusService;
import io.tenantgate.screening.lists.ListVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The index this replica screens against. It is built from the active list versions in the database at
 * start and rebuilt whenever a newer version appears there (polled), off to the side: screening goes on
 * against the old index until the new one is complete, then one atomic swap switches every request over.
 */
@ApplicationScoped
public class ActiveIndex {

    private static final Logger LOG = Logger.getLogger(ActiveIndex.class);

    private final ListChanges changes;
    private final ListStatusService lists;
    private final BundledSnapshot bundled;
    private final ScreeningConfig config;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private volatile boolean started;
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    public ActiveIndex(ListChanges changes, ListStatusService lists, BundledSnapshot bundled, ScreeningConfig config) {
        this.changes = changes;
        this.lists = lists;
        this.bundled = bundled;
        this.config = config;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent start) {
        if (config.loadBundledLists()) {
            bundled.importIfNoLists();
        }
        refresh();
        started = true;
    }

    /**
     * The index now in use. Screening against no list at all would clear everyone, so until a list is
     * loaded this fails (and the readiness check reports the replica as not ready).
     */
    public Snapshot current() {
        Snapshot snapshot = current.get();
        if (snapshot == null || snapshot.engine().entryCount() == 0) {
            throw new IllegalStateException("no restricted-party list is loaded yet");
        }
        return snapshot;
    }

    public boolean ready() {
        Snapshot snapshot = current.get();
        return snapshot != null && snapshot.engine().entryCount() > 0;
    }

    /** Runs after every switch of this replica to a newer index, the first one included. */
    public Runnable watch(Runnable watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** The newest list change this replica screens with; 0 while no list is loaded. */
    public long loadedChangeId() {
        Snapshot snapshot = current.get();
        return snapshot == null ? 0 : snapshot.changeId();
    }

    @Scheduled(every = "${tenantgate.screening.refresh-interval}", delayed = "${tenantgate.screening.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void poll() {
        if (!started) {
            return; // the start-up load is still running
        }
        Snapshot snapshot = current.get();
        if (snapshot == null || changes.latestId() > snapshot.changeId()) {
            refresh();
        }
    }

    /** Rebuilds from the database and swaps the new index in; synchronized so two rebuilds never race. */
    synchronized void refresh() {
        long changeId = changes.latestId();
        Snapshot previous = current.get();
        if (previous != null && changeId <= previous.changeId()) {
            return;
        }
        long started = System.nanoTime();
        List<ListVersion> versions = lists.activeVersions();
        EntryMerger.Merged merged = EntryMerger.mergeTracked(changes.activeEntries());
        List<Entry> entries = merged.entries();
        ScreeningEngine engine = ScreeningEngine.build(entries,
                new EngineSettings(config.defaultThreshold(), config.jurisdictionsOfConcern()));
        current.set(new Snapshot(engine, entries.stream().collect(Collectors.toUnmodifiableMap(Entry::key, e -> e)),
                merged.keyOfRow(), versions, changeId, Instant.now()));
        LOG.infof("Screening index switched to change %d: %d entries, %d names, built in %d ms", changeId,
                engine.entryCount(), engine.nameCount(), (System.nanoTime() - started) / 1_000_000);
        if (previous != null) {
            previous.engine().retire();
        }
        watchers.forEach(Runnable::run);
    }

    /**
     * An immutable index, its entries by key, the key of the entry each stored row became part of (an OFAC row
     * under its SDN row, a Denied Persons row under the same party's ITAR row), and the versions it was built from.
     */
    public record Snapshot(ScreeningEngine engine, Map<String, Entry> entries, Map<String, String> keyOfRow,
                           List<ListVersion> versions, long changeId, Instant loadedAt) {
    }
}
