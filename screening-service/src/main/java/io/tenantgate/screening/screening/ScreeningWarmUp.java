package io.tenantgate.screening.screening;

import io.quarkus.runtime.StartupEvent;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.index.ActiveIndex;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Screens names drawn from the loaded lists, and slightly misspelt copies of them, before the replica opens its
 * port, so that the first sign-ups after a start find the matching path compiled and its caches filled instead
 * of paying for it inside their screening timeout. Runs after the index is loaded (observer priority), within a
 * time budget.
 */
@ApplicationScoped
public class ScreeningWarmUp {

    private static final Logger LOG = Logger.getLogger(ScreeningWarmUp.class);
    static final int QUERIES = 3000;
    private static final long BUDGET_NANOS = 20_000_000_000L;

    private final ActiveIndex index;
    private final ScreeningService screening;

    public ScreeningWarmUp(ActiveIndex index, ScreeningService screening) {
        this.index = index;
        this.screening = screening;
    }

    void onStart(@Observes @Priority(3000) StartupEvent start) {
        if (!index.ready()) {
            return;
        }
        long began = System.nanoTime();
        List<String> names = sampleNames(index.current().entries().values(), QUERIES);
        int done = 0;
        for (String name : names) {
            if (System.nanoTime() - began > BUDGET_NANOS) {
                break;
            }
            try {
                screening.screen(new ScreeningRequest(new ScreeningRequest.Party("warm-up",
                        done % 2 == 0 ? ScreeningRequest.Kind.PERSON : ScreeningRequest.Kind.ORGANIZATION, List.of(name),
                        List.of(), List.of(), List.of(), List.of(), List.of()), null, null, null));
            } catch (RuntimeException refused) {
                LOG.debugf("Warm-up query refused (%s); the warm-up goes on", refused.getMessage());
            }
            done++;
        }
        LOG.infof("Screening warmed up with %d queries in %d ms", done, (System.nanoTime() - began) / 1_000_000);
    }

    /** Every n-th entry's name, and every other one with two letters swapped (a typo the matcher must absorb). */
    static List<String> sampleNames(java.util.Collection<Entry> entries, int count) {
        List<String> names = new ArrayList<>(count);
        int step = Math.max(1, entries.size() / count);
        int i = 0;
        for (Entry entry : entries) {
            if (i++ % step != 0 || entry.name() == null || entry.name().isBlank() || entry.name().length() > 300) {
                continue;
            }
            String name = entry.name();
            if (names.size() % 2 == 1 && name.length() > 3) {
                char[] letters = name.toCharArray();
                char swapped = letters[1];
                letters[1] = letters[2];
                letters[2] = swapped;
                name = new String(letters);
            }
            names.add(name);
            if (names.size() == count) {
                break;
            }
        }
        return names;
    }
}
