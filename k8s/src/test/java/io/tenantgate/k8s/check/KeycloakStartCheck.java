package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;

/**
 * A Keycloak the operator runs comes up with the options it was given. The operator starts a custom
 * {@code spec.image} with {@code start --optimized} unless {@code startOptimized: false}; an optimized start
 * ignores build-time options (the database vendor, health and metrics endpoints), so a stock image started
 * that way has no health endpoints on the management port and its probes fail for ever.
 */
final class KeycloakStartCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (JsonNode keycloak : manifests.ofKind("Keycloak")) {
            JsonNode spec = keycloak.path("spec");
            boolean optimized = spec.has("image") && spec.path("startOptimized").asBoolean(true);
            if (optimized) {
                violations.add(Manifests.describe(keycloak) + ": custom image " + spec.path("image").asText()
                        + " is started --optimized (startOptimized is not false), so its build options (db, "
                        + "health-enabled, metrics-enabled) are ignored and the health probes fail");
            }
        }
        return violations;
    }
}
