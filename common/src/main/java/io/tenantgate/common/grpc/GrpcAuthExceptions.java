package io.tenantgate.common.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.tenantgate.common.problem.Unauthenticated;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * gRPC answers to security failures that match REST's 401/403: a caller without a (valid) token gets
 * UNAUTHENTICATED, a caller whose token lacks the role gets PERMISSION_DENIED. Quarkus's default maps
 * both anonymous and forbidden calls to PERMISSION_DENIED.
 */
@ApplicationScoped
public class GrpcAuthExceptions implements AuthExceptionHandlerProvider {

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <Q, A> AuthExceptionHandler<Q, A> createHandler(ServerCall.Listener<Q> listener, ServerCall<Q, A> call,
                                                           Metadata metadata) {
        return new AuthExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<Q, A> serverCall, Metadata requestHeaders) {
                if (failure instanceof AuthenticationException || failure instanceof SecurityException) {
                    // Fresh trailers: the request's headers (its bearer token among them) are not sent back. On
                    // the event loop and not once cancelled, for the reason EventLoopAnswers gives.
                    Runnable refuse = () -> {
                        if (!serverCall.isCancelled()) {
                            serverCall.close(status(failure), new Metadata());
                        }
                    };
                    Context context = Vertx.currentContext();
                    if (context != null && !Context.isOnEventLoopThread()) {
                        context.runOnContext(ignored -> refuse.run());
                    } else {
                        refuse.run();
                    }
                } else {
                    super.handleException(failure, serverCall, requestHeaders);
                }
            }
        };
    }

    @Override
    public StatusException transformToStatusException(Throwable failure) {
        return status(failure).asException();
    }

    @Override
    public boolean handlesException(Throwable failure) {
        return failure instanceof AuthenticationException || failure instanceof SecurityException;
    }

    static Status status(Throwable failure) {
        if (failure instanceof UnauthorizedException) {
            return Status.UNAUTHENTICATED.withDescription(Unauthenticated.MISSING.detail());
        }
        return failure instanceof AuthenticationException
                ? Status.UNAUTHENTICATED.withDescription(Unauthenticated.of(failure).detail())
                : Status.PERMISSION_DENIED.withDescription("the token lacks a role this method requires");
    }
}
