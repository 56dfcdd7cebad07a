package io.tenantgate.common.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import io.quarkus.security.AuthenticationException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * What a gRPC caller learns when a call fails: the status the service chose, the security answer (see
 * {@link GrpcAuthExceptions}), or for anything unexpected INTERNAL with an incident id that the log
 * repeats. Exception classes and messages never leave the service, as on REST.
 */
@ApplicationScoped
public class GrpcErrors implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    @Override
    public <Q, A> ExceptionHandler<Q, A> createHandler(ServerCall.Listener<Q> listener, ServerCall<Q, A> call,
                                                       Metadata metadata) {
        return new ExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<Q, A> serverCall, Metadata trailers) {
                StatusException answer = toStatusException(failure);
                try {
                    serverCall.close(answer.getStatus(), answer.getTrailers() == null ? trailers : answer.getTrailers());
                } catch (IllegalStateException alreadyClosed) {
                    LOG.debugf("call already closed when %s was raised", answer.getStatus().getCode());
                }
            }
        };
    }

    static StatusException toStatusException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof StatusRuntimeException status) {
            return new StatusException(status.getStatus(), status.getTrailers());
        }
        if (cause instanceof StatusException status) {
            return status;
        }
        if (cause instanceof AuthenticationException || cause instanceof SecurityException) {
            return GrpcAuthExceptions.status(cause).asException();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(cause, "Unexpected error in a gRPC call, incident %s", incident);
        return Status.INTERNAL.withDescription("internal error; incident " + incident).asException();
    }
}
