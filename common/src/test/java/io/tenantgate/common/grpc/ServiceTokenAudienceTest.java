package io.tenantgate.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which service a gRPC call goes to decides the audience of the token it carries. */
class ServiceTokenAudienceTest {

    @Test
    void eachTenantgateServiceIsItsOwnAudience() {
        assertEquals(Optional.of("screening-service"), ServiceTokenInterceptor.audienceOf("tenantgate.screening.v1.ScreeningService"));
        assertEquals(Optional.of("reporting-service"), ServiceTokenInterceptor.audienceOf("tenantgate.reporting.v1.ReportingService"));
        assertEquals(Optional.of("identity-service"), ServiceTokenInterceptor.audienceOf("tenantgate.identity.v1.IdentityService"));
        assertEquals("audience-identity-service", ServiceTokenInterceptor.scopeFor("identity-service"));
    }

    @Test
    void aServiceOutsideTenantgateGetsNoToken() {
        assertEquals(Optional.empty(), ServiceTokenInterceptor.audienceOf("grpc.health.v1.Health"));
        assertEquals(Optional.empty(), ServiceTokenInterceptor.audienceOf("evil.tenantgate.screening.v1.ScreeningService"));
    }
}
