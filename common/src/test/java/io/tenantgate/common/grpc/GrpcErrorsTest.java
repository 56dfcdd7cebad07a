package io.tenantgate.common.grpc;

import io.grpc.Status;
import io.quarkus.security.UnauthorizedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrpcErrorsTest {

    @Test
    void aStatusChosenByTheServiceIsKept() {
        var answer = GrpcErrors.toStatusException(Status.NOT_FOUND.withDescription("no such customer").asRuntimeException());
        assertEquals(Status.Code.NOT_FOUND, answer.getStatus().getCode());
        assertEquals("no such customer", answer.getStatus().getDescription());
    }

    @Test
    void securityFailuresGetTheSecurityAnswer() {
        assertEquals(Status.Code.UNAUTHENTICATED,
                GrpcErrors.toStatusException(new CompletionException(new UnauthorizedException())).getStatus().getCode());
    }

    @Test
    void anythingElseIsInternalWithAnIncidentAndNoDetail() {
        var answer = GrpcErrors.toStatusException(new IllegalArgumentException("SELECT * FROM secrets failed at row 42"));
        assertEquals(Status.Code.INTERNAL, answer.getStatus().getCode());
        assertTrue(answer.getStatus().getDescription().startsWith("internal error; incident "));
        assertFalse(answer.getStatus().getDescription().contains("secrets"));
    }
}
