package io.tenantgate.suite;

/** What {@code ./tenantgate up} prints once everything is ready. */
final class Banner {

    private Banner() {
    }

    /** @param webhookReceiver where the stand-in for the provider's systems receives identity-service's webhooks */
    static String ready(TenantgateSuite suite, String webhookReceiver) {
        SuiteSettings s = suite.settings();
        String token = s.keycloakUrl() + "/realms/tenantgate/protocol/openid-connect/token";
        return """

                TenantGate is up (ready in %d s). Ctrl-C stops everything.

                  screening-service  %s   (REST, gRPC; Swagger UI at %s/q/swagger-ui)
                  identity-service   %s   (Swagger UI at %s/q/swagger-ui)
                  reporting-service  %s   (Swagger UI at %s/q/swagger-ui;
                                                      files reports with the regulator stand-in at %s)
                  Webhooks           %s   (the provider's stand-in: every delivery verified and printed here)
                  Replicas           %d of each service (replica r on its service's port + 10 x r)
                  Health, metrics    each replica's port + 1000 (/q/health, /q/metrics, /q/openapi)
                  Keycloak           %s   (realm tenantgate; admin console: %s / %s)
                  PostgreSQL         localhost:%d   (user postgres; databases screening, identity, reporting)
                  Logs               %s
                  Process ids        %s

                Demo users (local only; client tenantgate-cli, password grant):
                  analyst / analyst-local-only        supervisor / supervisor-local-only
                  regulator / regulator-local-only    operator / operator-local-only

                Demo integrations (client credentials; secrets are new on every start):
                  onboarding-demo  %s
                  metering-demo    %s

                Try it: ./tenantgate demo   (runs the main CIP flows and prints what happened), or
                  TOKEN=$(curl -s %s -d grant_type=password -d client_id=tenantgate-cli \\
                      -d username=operator -d password=operator-local-only | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/screening/lists
                """.formatted(suite.startupTime().toSeconds(),
                s.serviceUrl(Service.SCREENING, 0), s.managementUrl(Service.SCREENING, 0),
                s.serviceUrl(Service.IDENTITY, 0), s.managementUrl(Service.IDENTITY, 0),
                s.serviceUrl(Service.REPORTING, 0), s.managementUrl(Service.REPORTING, 0),
                RegulatorSandbox.filingUrl(s.regulatorPort()), webhookReceiver, s.replicas(), s.keycloakUrl(),
                TenantgateSuite.KEYCLOAK_ADMIN, suite.keycloakAdminPassword(), s.postgresPort(), s.logs(), suite.pids(),
                suite.clientSecret("onboarding-demo"), suite.clientSecret("metering-demo"),
                token, s.serviceUrl(Service.IDENTITY, 0));
    }
}
