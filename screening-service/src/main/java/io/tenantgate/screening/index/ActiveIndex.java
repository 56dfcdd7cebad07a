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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The index this replica screens against. It is built from the active list versions in the database at
 * start and rebuilt whenever a newer version appears there (polled), off to the side: screening goes on
 * against the old index until the new one is complete, then one atomic swap switches every request over.
 * The entries of a new version are published as soon as they are read, before the engine over all of them
 * is built (seconds): a list change can be streamed and its delta screened from then on, so re-screening
 * stored customers after a change does not wait for the full rebuild.
 */
@ApplicationScoped
public class ActiveIndex {

    private static final Logger LOG = Logger.getLogger(ActiveIndex.class);

    private final ListChanges changes;
    private final ListStatusService lists;
    private final BundledSnapshot bundled;
    private final ScreeningConfig config;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Catalogue> catalogue = new AtomicReference<>();
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

    /** Runs after every switch of this replica to newer list entries (before the engine over them is built). */
    public Runnable watch(Runnable watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /**
     * The entries of the newest list change this replica has read, ahead of {@link #current()} while the engine
     * over them is being built.
     *
     * @throws IllegalStateException while no list is read yet
     */
    public Catalogue catalogue() {
        Catalogue read = catalogue.get();
        if (read == null) {
            throw new IllegalStateException("no restricted-party list is read yet");
        }
        return read;
    }

    /** The newest list change whose entries this replica has read (its delta can be screened); 0 before any. */
    public long cataloguedChangeId() {
        Catalogue read = catalogue.get();
        return read == null ? 0 : read.changeId();
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
        Map<String, List<Entry>> rows = rowsAt(catalogue.get(), changeId);
        EntryMerger.Merged merged = EntryMerger.mergeTracked(rows.values().stream().flatMap(List::stream).toList());
        List<Entry> entries = merged.entries();
        Catalogue read = new Catalogue(entries.stream().collect(Collectors.toUnmodifiableMap(Entry::key, e -> e)),
                merged.keyOfRow(), versions, changeId, rows);
        catalogue.set(read);
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        watchers.forEach(Runnable::run);
        ScreeningEngine engine = ScreeningEngine.build(entries,
                new EngineSettings(config.defaultThreshold(), config.jurisdictionsOfConcern()));
        current.set(new Snapshot(engine, read, Instant.now()));
        LOG.infof("Screening index switched to change %d: %d entries, %d names, read in %d ms, built in %d ms",
                changeId, engine.entryCount(), engine.nameCount(), readMillis, (System.nanoTime() - started) / 1_000_000);
        if (previous != null) {
            previous.engine().retire();
        }
    }

    /**
     * The stored rows of every active version as of the change: read whole at the first load, afterwards only
     * the sources the changes since the last read touched (a one-entry change reads one small source, not the
     * twenty thousand rows of every list).
     */
    private Map<String, List<Entry>> rowsAt(Catalogue before, long changeId) {
        if (before == null) {
            return changes.activeEntries();
        }
        Map<String, List<Entry>> rows = new LinkedHashMap<>(before.rowsBySource());
        changes.between(before.changeId(), changeId, Integer.MAX_VALUE).stream()
                .map(change -> change.version().source()).distinct()
                .forEach(source -> rows.put(source, changes.activeEntries(source)));
        return rows;
    }

    /**
     * The active entries by key, the key of the entry each stored row became part of (an OFAC row under its SDN
     * row, a Denied Persons row under the same party's ITAR row), the versions they come from, the newest list
     * change among them, and the stored rows they were merged from, by source.
     */
    public record Catalogue(Map<String, Entry> entries, Map<String, String> keyOfRow, List<ListVersion> versions,
                            long changeId, Map<String, List<Entry>> rowsBySource) {
    }

    /** An immutable engine over a catalogue's entries. */
    public record Snapshot(ScreeningEngine engine, Catalogue catalogue, Instant loadedAt) {

        public Map<String, Entry> entries() {
            return catalogue.entries();
        }

        public List<ListVersion> versions() {
            return catalogue.versions();
        }

        public long changeId() {
            return catalogue.changeId();
        }
    }
}
