package io.tenantgate.common.testing;

import io.grpc.Metadata;
import io.quarkus.grpc.auth.GrpcSecurityMechanism;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test-only stand-in for Keycloak on gRPC calls: a call carrying {@code x-test-role: R} is authenticated
 * with role R. The real tokens are exercised by the end-to-end tests in suite.
 */
@ApplicationScoped
public class TestRoleSecurity implements GrpcSecurityMechanism {

    public static final Metadata.Key<String> ROLE = Metadata.Key.of("x-test-role", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public boolean handles(Metadata metadata) {
        return metadata.containsKey(ROLE);
    }

    @Override
    public AuthenticationRequest createAuthenticationRequest(Metadata metadata) {
        return new RoleRequest(metadata.get(ROLE));
    }

    static final class RoleRequest extends BaseAuthenticationRequest {
        final String role;

        RoleRequest(String role) {
            this.role = role;
        }
    }

    @ApplicationScoped
    public static class RoleIdentityProvider implements IdentityProvider<RoleRequest> {
        @Override
        public Class<RoleRequest> getRequestType() {
            return RoleRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RoleRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("test-caller")).addRole(request.role).build());
        }
    }
}
