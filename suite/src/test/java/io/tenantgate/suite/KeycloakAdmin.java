package io.tenantgate.suite;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The suite's Keycloak through its admin API (as the suite's administrator), for tests that need tokens the realm
 * file does not hand out: one that expires at once, one from another realm of the same Keycloak.
 */
final class KeycloakAdmin {

    /** A realm beside tenantgate in the same Keycloak, as a provider hosting several would have. */
    static final String NEIGHBOUR_REALM = "neighbour";
    private static final List<String> SERVICES = List.of("identity-service", "screening-service", "reporting-service");

    private final TenantgateSuite suite;

    KeycloakAdmin(TenantgateSuite suite) {
        this.suite = suite;
    }

    /**
     * A confidential client of the tenantgate realm whose tokens live three seconds and name all three services, and
     * its secret. It holds no role: before it expires its token is authenticated (403 where a role is needed).
     */
    ClientCredentials shortLivedClient() {
        String clientId = "short-lived-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        createClient("tenantgate", client(clientId, secret, Map.of("access.token.lifespan", "3")));
        return new ClientCredentials("tenantgate", clientId, secret);
    }

    /**
     * A client of the neighbour realm whose tokens look like tenantgate's as far as a careless service could tell: the
     * same realm roles, audiences naming the three services. Each call creates a realm of its own.
     */
    ClientCredentials neighbourClient() {
        String secret = UUID.randomUUID().toString();
        String clientId = "neighbour-" + UUID.randomUUID();
        List<String> roles = List.of("onboarding", "analyst", "supervisor", "regulator", "operator", "metering");
        Map<String, Object> realm = Map.of("realm", NEIGHBOUR_REALM + "-" + UUID.randomUUID(), "enabled", true,
                "roles", Map.of("realm", roles.stream().map(role -> Map.of("name", role)).toList()),
                "clients", List.of(client(clientId, secret, Map.of())),
                "users", List.of(Map.of("username", "service-account-" + clientId, "enabled", true,
                        "serviceAccountClientId", clientId, "realmRoles", roles)));
        given().auth().oauth2(adminToken()).contentType("application/json").body(realm)
                .post(suite.settings().keycloakUrl() + "/admin/realms")
                .then().statusCode(201);
        return new ClientCredentials((String) realm.get("realm"), clientId, secret);
    }

    /** A client-credentials token of a client the admin created. */
    String token(ClientCredentials client) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret())
                .post(suite.settings().keycloakUrl() + "/realms/" + client.realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static Map<String, Object> client(String clientId, String secret, Map<String, String> attributes) {
        return Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                "clientAuthenticatorType", "client-secret", "secret", secret,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "attributes", attributes,
                "protocolMappers", SERVICES.stream().map(service -> Map.of(
                        "name", "audience " + service, "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", service, "access.token.claim", "true",
                                "id.token.claim", "false"))).toList());
    }

    private void createClient(String realm, Map<String, Object> client) {
        given().auth().oauth2(adminToken()).contentType("application/json").body(client)
                .post(suite.settings().keycloakUrl() + "/admin/realms/" + realm + "/clients")
                .then().statusCode(201);
    }

    private String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", TenantgateSuite.KEYCLOAK_ADMIN).formParam("password", suite.keycloakAdminPassword())
                .post(suite.settings().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    record ClientCredentials(String realm, String clientId, String secret) {
    }
}
