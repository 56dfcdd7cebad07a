package io.tenantgate.k8s.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pods the Keycloak Operator and CloudNativePG create for the custom resources of a rendering, with the
 * labels they put on them and the database each one calls, as the operators' sources build them:
 * <ul>
 * <li>Keycloak Operator (KeycloakDeploymentDependentResource): the server pods of a {@code Keycloak} carry
 * {@code app: keycloak}, {@code app.kubernetes.io/instance: <name>}, {@code app.kubernetes.io/managed-by:
 * keycloak-operator}; its Service is {@code <name>-service} on the HTTP port.</li>
 * <li>Keycloak Operator (KeycloakRealmImportJobDependentResource): the realm-import Job copies the server's pod
 * template, replaces {@code app} with {@code keycloak-realm-import} ("the Job should not be selected with
 * app=keycloak") and connects to the server's database itself.</li>
 * <li>CloudNativePG: every instance pod carries {@code cnpg.io/cluster: <name>}; Services {@code <name>-rw},
 * {@code -ro} and {@code -r} on 5432.</li>
 * </ul>
 */
public final class OperatorPods {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private OperatorPods() {
    }

    /** An operator-made pod: what makes it, its labels, its named ports, and the database it calls (if any). */
    public record Pod(String owner, Map<String, String> labels, Map<String, Integer> namedPorts, Optional<URI> database) {
    }

    public static List<Pod> of(Manifests manifests) {
        List<Pod> pods = new ArrayList<>();
        for (JsonNode keycloak : manifests.ofKind("Keycloak")) {
            pods.add(new Pod(Manifests.describe(keycloak), keycloakServerLabels(Manifests.nameOf(keycloak)),
                    Map.of("http", httpPort(keycloak)), database(keycloak)));
        }
        for (JsonNode realmImport : manifests.ofKind("KeycloakRealmImport")) {
            String keycloakName = realmImport.path("spec").path("keycloakCRName").asText();
            Map<String, String> labels = new java.util.TreeMap<>(keycloakServerLabels(keycloakName));
            labels.put("app", "keycloak-realm-import");
            Optional<URI> database = manifests.find("Keycloak", keycloakName).flatMap(OperatorPods::database);
            pods.add(new Pod(Manifests.describe(realmImport) + " (its Job)", labels, Map.of(), database));
        }
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            pods.add(new Pod(Manifests.describe(cluster), Map.of("cnpg.io/cluster", Manifests.nameOf(cluster)),
                    Map.of("postgresql", 5432), Optional.empty()));
        }
        return pods;
    }

    public static Map<String, String> keycloakServerLabels(String keycloakName) {
        return Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloakName, MANAGED_BY, "keycloak-operator");
    }

    public static int httpPort(JsonNode keycloak) {
        return keycloak.path("spec").path("http").path("httpPort").asInt(8080);
    }

    private static Optional<URI> database(JsonNode keycloak) {
        JsonNode db = keycloak.path("spec").path("db");
        if (!db.has("host")) {
            return Optional.empty();
        }
        return Optional.of(URI.create("postgresql://" + db.path("host").asText() + ":" + db.path("port").asInt(5432)));
    }
}
