package io.tenantgate.common.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.function.Supplier;

/**
 * Background work done in batches, each in a transaction of its own (claimed with SKIP LOCKED by the batch, so
 * replicas share the work), until a batch comes back short.
 */
public final class Batches {

    private Batches() {
    }

    /** Runs {@code batch} (which answers how many items it handled) until it handles fewer than {@code size}. */
    public static int untilShort(int size, Supplier<Integer> batch) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(batch::get);
            total += done;
        } while (done == size);
        return total;
    }
}
