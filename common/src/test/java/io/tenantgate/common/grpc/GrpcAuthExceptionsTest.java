package io.tenantgate.common.grpc;

import io.grpc.Status;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrpcAuthExceptionsTest {

    private final GrpcAuthExceptions handler = new GrpcAuthExceptions();

    @Test
    void anonymousAndBadTokensAreUnauthenticated() {
        assertEquals(Status.Code.UNAUTHENTICATED, GrpcAuthExceptions.status(new UnauthorizedException()).getCode());
        assertEquals(Status.Code.UNAUTHENTICATED,
                GrpcAuthExceptions.status(new AuthenticationFailedException("no key")).getCode());
        assertEquals("A bearer token is required", GrpcAuthExceptions.status(new UnauthorizedException()).getDescription());
    }

    @Test
    void aMissingRoleIsPermissionDenied() {
        assertEquals(Status.Code.PERMISSION_DENIED, GrpcAuthExceptions.status(new ForbiddenException()).getCode());
        assertEquals(Status.Code.PERMISSION_DENIED,
                handler.transformToStatusException(new ForbiddenException()).getStatus().getCode());
    }

    @Test
    void onlySecurityFailuresAreHandledHere() {
        assertTrue(handler.handlesException(new UnauthorizedException()));
        assertFalse(handler.handlesException(new IllegalStateException("a bug")));
    }
}
