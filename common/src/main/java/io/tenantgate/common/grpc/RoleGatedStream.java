package io.tenantgate.common.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.util.Objects;

/**
 * A client stream served on the event loop, where {@code @RolesAllowed} cannot be used (it resolves the caller
 * by blocking), whose caller must have a role. Nothing is requested from the client before the caller is known
 * to have it; without it the stream ends with UNAUTHENTICATED or PERMISSION_DENIED, as {@code @RolesAllowed}
 * would answer. The decision comes on the context's next turn, after the constructor has returned. Subclasses
 * run on the event loop too, so the state needs no locks.
 */
public abstract class RoleGatedStream<I, O> implements StreamObserver<I> {

    protected final ServerCallStreamObserver<O> response;
    protected final Context context;
    /** The caller has the role: messages may be requested. */
    protected boolean authorized;
    /** The client cancelled: nothing more is sent. */
    protected boolean cancelled;
    /** The stream is answered or failed: nothing more is done. */
    protected boolean ended;

    protected RoleGatedStream(String rpc, ServerCallStreamObserver<O> response, Context context,
                              Uni<SecurityIdentity> caller, String role) {
        this.response = response;
        this.context = Objects.requireNonNull(context, rpc + " must be called on a Vert.x context");
        response.disableAutoRequest();
        response.setOnCancelHandler(() -> cancelled = true);
        caller.subscribe().with(
                identity -> context.runOnContext(v -> decide(refusal(identity, role), rpc, role)),
                failure -> context.runOnContext(v -> decide(Status.UNAUTHENTICATED, rpc, role)));
    }

    /** How {@code @RolesAllowed} would refuse this caller a method needing the role, or null when it has the role. */
    public static Status refusal(SecurityIdentity identity, String role) {
        return identity.isAnonymous() ? Status.UNAUTHENTICATED : identity.hasRole(role) ? null : Status.PERMISSION_DENIED;
    }

    /** On the event loop, once the caller is known to have the role: start requesting messages. */
    protected abstract void onAuthorized();

    private void decide(Status refusal, String rpc, String role) {
        if (refusal == null) {
            authorized = true;
            onAuthorized();
            return;
        }
        ended = true;
        if (!cancelled) {
            response.onError(refusal.withDescription(rpc + " needs the " + role + " role").asRuntimeException());
        }
    }
}
