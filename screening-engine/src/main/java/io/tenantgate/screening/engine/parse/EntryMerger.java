package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.ListSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins entries that describe one party: OFAC rows (CSL SDN, SSI, ... and the SDN file) share one
 * entity-number namespace, so rows with the same number become one entry with every source. The key of
 * the merged entry is that of its SDN row when there is one.
 */
public final class EntryMerger {

    private EntryMerger() {
    }

    public static List<Entry> merge(Collection<Entry> entries) {
        Map<String, Entry> merged = new LinkedHashMap<>();
        entries.stream()
                .sorted(Comparator.comparing(EntryMerger::preference))
                .forEach(entry -> merged.merge(partyIdentity(entry), entry, Entry::mergedWith));
        return List.copyOf(merged.values());
    }

    /** Rows with the same identity describe one party: OFAC rows by entity number, others by key. */
    public static String partyIdentity(Entry entry) {
        boolean ofac = entry.sources().stream().allMatch(ListSource::isOfac) && entry.entityNumber() != null;
        return ofac ? "OFAC:" + entry.entityNumber() : entry.key();
    }

    /** SDN rows first, so they give the merged entry its key; the sort is stable for the rest. */
    private static int preference(Entry entry) {
        return entry.sources().contains(ListSource.SDN) ? 0 : 1;
    }
}
