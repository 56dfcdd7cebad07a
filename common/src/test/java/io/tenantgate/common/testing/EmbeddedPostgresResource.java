package io.tenantgate.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL (zonky's embedded binaries) for a service's {@code @QuarkusTest}s: started once per
 * test run on a free port, stopped when the tests end. OIDC is switched off, so tests use
 * {@code @TestSecurity}; the real Keycloak is exercised by the end-to-end tests in {@code suite}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.oidc.tenant-enabled", "false",
                "quarkus.oidc-client.client-enabled", "false");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
            }
        }
    }
}
