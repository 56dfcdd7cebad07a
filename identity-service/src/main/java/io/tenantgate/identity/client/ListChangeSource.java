package io.tenantgate.identity.client;

import io.smallrye.mutiny.subscription.Cancellable;
import io.tenantgate.identity.cases.ListDelta;

import java.util.function.Consumer;

/** Where list changes come from: screening-service's change stream and the newest change it screens with. */
public interface ListChangeSource {

    /**
     * Streams the changes after the given id (0: every stored change), oldest first, each once, on a worker
     * thread. {@code onEnd} runs when the stream ends or fails (with the failure, or null); not after a cancel.
     */
    Cancellable subscribe(long afterChangeId, Consumer<ListDelta> onChange, Consumer<Throwable> onEnd);

    /** The newest change the answering screening-service replica screens with; throws when it cannot say. */
    long head();
}
