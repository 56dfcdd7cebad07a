package io.tenantgate.common.problem;

import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why a request was not authenticated, as RFC 6750 tells a client: no token (ask for one), an expired token (get a
 * new one), or a token that is not valid here (wrong signature, issuer or audience: getting the same kind again
 * will not help). REST answers it in {@code WWW-Authenticate} and the problem's detail, gRPC in the status.
 */
public enum Unauthenticated {

    MISSING(null, "A bearer token is required"),
    EXPIRED("The bearer token has expired; get a new one"),
    INVALID("The bearer token is not valid for this service (its signature, issuer or audience)");

    private final String error;
    private final String detail;

    Unauthenticated(String detail) {
        this("invalid_token", detail);
    }

    Unauthenticated(String error, String detail) {
        this.error = error;
        this.detail = detail;
    }

    /** The kind of failure: MISSING without a failure to look into, EXPIRED when the token's lifetime is what failed. */
    public static Unauthenticated of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return invalid.hasExpired() ? EXPIRED : INVALID;
            }
        }
        return failure == null ? MISSING : INVALID;
    }

    public String detail() {
        return detail;
    }

    /** The {@code WWW-Authenticate} value (RFC 6750 section 3). */
    public String challenge() {
        return error == null ? "Bearer realm=\"tenantgate\""
                : "Bearer realm=\"tenantgate\", error=\"" + error + "\", error_description=\"" + detail + "\"";
    }
}
