package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.util.List;

/**
 * The rows of the two bundled list files as parsed, before {@link BundledLists} merges an entity found in
 * both into one entry. The naive baseline screens these, every primary and alias name of both files, as a
 * screener without entity resolution would (the 52,457 names), and reports each hit under the key of
 * the merged entry, so its hits compare with the engine's.
 */
final class UnmergedLists {

    private UnmergedLists() {
    }

    static List<Entry> load() {
        return BundledLists.loadUnmerged();
    }
}
