package io.tenantgate.common.problem;

import io.quarkus.security.AuthenticationFailedException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnauthenticatedTest {

    @Test
    void noTokenAsksForOneWithoutAnError() {
        assertEquals(Unauthenticated.MISSING, Unauthenticated.of(null));
        assertEquals("Bearer realm=\"tenantgate\"", Unauthenticated.MISSING.challenge());
    }

    /** As OIDC reports them: the token verifier's failure inside an AuthenticationFailedException. */
    @Test
    void anExpiredTokenIsToldApartFromAnInvalidOne() {
        assertEquals(Unauthenticated.EXPIRED, Unauthenticated.of(failed(ErrorCodes.EXPIRED)));
        assertEquals(Unauthenticated.INVALID, Unauthenticated.of(failed(ErrorCodes.AUDIENCE_INVALID)));
        assertEquals(Unauthenticated.INVALID, Unauthenticated.of(new AuthenticationFailedException("no key")));
        assertEquals("Bearer realm=\"tenantgate\", error=\"invalid_token\", error_description=\""
                + Unauthenticated.EXPIRED.detail() + "\"", Unauthenticated.EXPIRED.challenge());
    }

    private static AuthenticationFailedException failed(int errorCode) {
        return new AuthenticationFailedException(new InvalidJwtException("verification failed",
                List.of(new ErrorCodeValidator.Error(errorCode, "verification failed")), null));
    }
}
