package io.tenantgate.common.retry;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tells a failure that trying again cannot mend (the other service refused what it was sent) from one that may
 * pass later (the service is down, slow, or not ready). Work that fails permanently is parked with its reason;
 * anything else is retried with backoff.
 */
public final class Failures {

    /**
     * Answers that say the request itself is wrong, or names what does not exist. A call that reached the wrong
     * service (UNIMPLEMENTED) or was refused its credentials is a wiring fault that mending the configuration
     * cures, so it is retried, not parked.
     */
    private static final Set<Status.Code> PERMANENT = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.OUT_OF_RANGE,
            Status.Code.NOT_FOUND);

    private Failures() {
    }

    /** True when the failure, or a cause of it, is a gRPC answer that repeating the same request cannot change. */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Status status = cause instanceof StatusRuntimeException runtime ? runtime.getStatus()
                    : cause instanceof StatusException checked ? checked.getStatus() : null;
            if (status != null) {
                return PERMANENT.contains(status.getCode());
            }
        }
        return false;
    }

    /** A short reason for logs and for parked items: the gRPC status and its description, or the message. */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException runtime) {
                return runtime.getStatus().getCode() + ": " + runtime.getStatus().getDescription();
            }
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
