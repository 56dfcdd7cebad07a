package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained by the loaded engine over the bundled lists: used heap after repeated full collections,
 * before loading, with the parsed entries, and with only the engine (entries and index) left reachable.
 */
public final class EngineFootprint {

    private static final double MIB = 1024 * 1024;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private EngineFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        long empty = usedHeapAfterGc();
        List<Entry> entries = BundledLists.load();
        long withEntries = usedHeapAfterGc();
        ScreeningEngine engine = ScreeningEngine.build(entries, EngineSettings.defaults());
        engine.warmUp().join(); // its kept similar words belong to the footprint
        entries = null;
        long withEngine = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "%d entries, %d names%n", engine.entryCount(), engine.nameCount());
        System.out.printf(Locale.ROOT, "parsed entries alone:          %7.1f MiB%n", (withEntries - empty) / MIB);
        System.out.printf(Locale.ROOT, "loaded engine (entries+index): %7.1f MiB%n", (withEngine - empty) / MIB);
        System.out.printf(Locale.ROOT, "of which the index:            %7.1f MiB%n", (withEngine - withEntries) / MIB);
        Reference.reachabilityFence(engine);
    }

    /** Used heap once repeated full collections no longer free anything. */
    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(100);
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (round >= 3 && now >= used) {
                return now;
            }
            used = Math.min(used, now);
        }
        return used;
    }
}
