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

    /** A confidential client's own token (client credentials), with its default scopes. */
    String client(String clientId) {
        return client(clientId, null);
    }

    /** A confidential client's token with an optional client scope, as a service asks for one per peer. */
    String client(String clientId, String scope) {
        var request = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", suite.clientSecret(clientId));
        if (scope != null) {
            request = request.formParam("scope", scope);
        }
        return request.post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    /** The HTTP status Keycloak answers a client-credentials request with that scope (400: a scope the client may not have). */
    int clientStatus(String clientId, String scope) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", suite.clientSecret(clientId)).formParam("scope", scope)
                .post(tokenUrl()).then().extract().statusCode();
    }

    /** The services a token is for (its aud claim: one string, or a list). */
    static java.util.List<String> audiences(String token) {
        Object audience = claims(token).get("aud");
        return audience instanceof String single ? java.util.List.of(single) : claims(token).getList("aud", String.class);
    }

    /** The claims of a token, read without checking it (the services check it). */
    static io.restassured.path.json.JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return new io.restassured.path.json.JsonPath(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private String tokenUrl() {
        return suite.settings().keycloakUrl() + "/realms/tenantgate/protocol/openid-connect/token";
    }
}
