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
        String form = "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/tenantgate/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + clientId + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
