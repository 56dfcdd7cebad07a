package io.tenantgate.suite;

import static io.restassured.RestAssured.given;

/** Real tokens from the suite's Keycloak. */
final class Tokens {

    private final TenantgateSuite suite;

    Tokens(TenantgateSuite suite) {
        this.suite = suite;
    }

    /** A demo user's token (password grant through the public tenantgate-cli client). */
    String user(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "tenantgate-cli")
                .formParam("username", username).formParam("password", username + "-local-only")
                .post(tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    /** A confidential client's own token (client credentials), as a service gets it. */
    String client(String clientId) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", suite.clientSecret(clientId))
                .post(tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    private String tokenUrl() {
        return suite.settings().keycloakUrl() + "/realms/tenantgate/protocol/openid-connect/token";
    }
}
