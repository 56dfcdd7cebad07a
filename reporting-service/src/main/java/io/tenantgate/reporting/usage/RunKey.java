package io.tenantgate.reporting.usage;

import java.util.Comparator;

/** A training run: the customer account it runs under and the provider's run id. Ordered, for lock order. */
public record RunKey(String accountId, String runId) implements Comparable<RunKey> {

    private static final Comparator<RunKey> ORDER = Comparator.comparing(RunKey::accountId).thenComparing(RunKey::runId);

    @Override
    public int compareTo(RunKey other) {
        return ORDER.compare(this, other);
    }
}
