package io.tenantgate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real tokens from the suite's Keycloak, fetched once per run and reused, as a service would. */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** A confidential client's own token (client credentials). */
    static String clientCredentials(String keycloakUrl, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        return token(keycloakUrl, clientId, "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
    }

    /** A local demo user's token (password grant through the public tenantgate-cli client). */
    static String user(String keycloakUrl, String username) throws IOException, InterruptedException {
        return token(keycloakUrl, username, "grant_type=password&client_id=tenantgate-cli&username=" + username
                + "&password=" + URLEncoder.encode(username + "-local-only", StandardCharsets.UTF_8));
    }

    private static String token(String keycloakUrl, String subject, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/tenantgate/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + subject + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
