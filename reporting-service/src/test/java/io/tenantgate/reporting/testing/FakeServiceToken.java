package io.tenantgate.reporting.testing;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Instant;
import java.util.Map;

/**
 * Keycloak is not running in these tests: outbound gRPC calls get a fixed token instead of a client-credentials
 * one, so the real {@code ServiceTokenInterceptor} lets them through to the fake identity-service.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeServiceToken implements OidcClient {

    @Override
    public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
        return Uni.createFrom().item(new Tokens("test-service-token", Instant.now().plusSeconds(3600).getEpochSecond(),
                null, null, null, null, "reporting-service"));
    }

    @Override
    public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
        return getTokens(additionalGrantParameters);
    }

    @Override
    public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
        return Uni.createFrom().item(true);
    }

    @Override
    public void close() {
    }
}
