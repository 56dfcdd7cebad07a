package io.tenantgate.identity;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tenantgate.identity.testing.FakeReportingClient;
import io.tenantgate.identity.testing.FakeScreeningClient;

import java.util.Set;

/** screening-service and reporting-service stand-ins instead of the unreachable real ones. */
public class FakePeers implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeScreeningClient.class, FakeReportingClient.class);
    }
}
