package io.tenantgate.identity.rest;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The integration client a request comes from: its token's {@code azp}, or the principal without one. */
public final class CallingClient {

    private CallingClient() {
    }

    public static String of(SecurityIdentity caller) {
        if (caller.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") != null) {
            return token.getClaim("azp").toString();
        }
        return caller.getPrincipal().getName();
    }
}
