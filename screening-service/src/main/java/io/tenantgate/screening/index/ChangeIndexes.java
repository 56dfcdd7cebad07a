package io.tenantgate.screening.index;

import io.tenantgate.screening.config.ScreeningConfig;
import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.lists.ListChanges;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Small engines over only what one list change added or changed, for re-screening stored customers against
 * that delta. The entries are taken from the active entries as this replica read them last (an entry merged with rows of other
 * OFAC lists is found through its party identity), so a party is scored against exactly what a full
 * screening would score it against, and an entry removed since the change is left out. Engines are built
 * once per change and active index and kept for the few most recent changes.
 */
@ApplicationScoped
public class ChangeIndexes {

    private static final int KEPT = 8;

    private final ActiveIndex index;
    private final ListChanges changes;
    private final ScreeningConfig config;
    private final Map<String, ChangeIndex> built = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChangeIndex> eldest) {
            return size() > KEPT;
        }
    };

    public ChangeIndexes(ActiveIndex index, ListChanges changes, ScreeningConfig config) {
        this.index = index;
        this.changes = changes;
        this.config = config;
    }

    /**
     * The engine over the change's added and changed entries.
     *
     * @throws NoSuchElementException when no such change was ever recorded
     * @throws IllegalStateException  when this replica has not read the change yet
     */
    public ChangeIndex forChange(long changeId) {
        ActiveIndex.Catalogue catalogue = index.catalogue();
        if (changeId > catalogue.changeId()) {
            throw new IllegalStateException("list change " + changeId + " is not read by this replica yet (it has read up to "
                    + catalogue.changeId() + ")");
        }
        String key = changeId + "@" + catalogue.changeId();
        synchronized (built) {
            ChangeIndex cached = built.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ListChanges.ListChange change = changes.byId(changeId)
                .orElseThrow(() -> new NoSuchElementException("no list change " + changeId));
        Set<String> keys = new LinkedHashSet<>(change.added());
        keys.addAll(change.changed());
        List<Entry> delta = deltaEntries(catalogue, keys);
        ChangeIndex fresh = new ChangeIndex(changeId, delta.size(), delta.isEmpty() ? null
                : ScreeningEngine.build(delta, new EngineSettings(config.defaultThreshold(), config.jurisdictionsOfConcern())));
        synchronized (built) {
            built.put(key, fresh);
        }
        return fresh;
    }

    /** The active entries a change added or changed: each row's own entry, or the entry it was merged into. */
    private static List<Entry> deltaEntries(ActiveIndex.Catalogue catalogue, Set<String> keys) {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (String key : keys) {
            Entry entry = catalogue.entries().get(catalogue.keyOfRow().getOrDefault(key, key));
            if (entry != null) { // null: removed since
                found.put(entry.key(), entry);
            }
        }
        return List.copyOf(found.values());
    }

    /** The engine of one change's delta; null engine when nothing of the delta is in the active lists. */
    public record ChangeIndex(long changeId, int entryCount, ScreeningEngine engine) {
    }
}
