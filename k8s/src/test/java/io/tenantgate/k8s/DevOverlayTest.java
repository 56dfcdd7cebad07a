package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;
import io.tenantgate.k8s.render.Manifests;

/** The dev overlay: a quick try on kind or minikube, everything in the cluster, one replica each. */
class DevOverlayTest {

    private final Manifests dev = Kustomize.renderCached(K8sModule.overlay("dev"));

    @Test
    void runsOneReplicaOfEachServiceWithoutAutoscaling() {
        for (String service : Services.NAMES) {
            assertEquals(1, dev.get("Deployment", service).path("spec").path("replicas").asInt(), service);
        }
        assertEquals(List.of(), dev.ofKind("HorizontalPodAutoscaler"));
    }

    @Test
    void keycloakStartsInDevModeAndImportsTheRealmWithEveryPlaceholderFilled() throws IOException {
        JsonNode keycloak = dev.get("Deployment", "keycloak").path("spec").path("template").path("spec");
        JsonNode container = keycloak.path("containers").get(0);
        List<String> args = new ArrayList<>();
        container.path("args").forEach(arg -> args.add(arg.asText()));
        assertTrue(args.containsAll(List.of("start-dev", "--import-realm")), args.toString());
        assertTrue(container.toString().contains("\"mountPath\":\"/opt/keycloak/data/import\""), "realm mounted for import");

        String secretName = container.path("envFrom").get(0).path("secretRef").path("name").asText();
        JsonNode clientSecrets = dev.get("Secret", secretName).path("data");
        String realm = Files.readString(K8sModule.realmSource());
        for (String placeholder : RealmImportRenderer.placeholders(realm)) {
            assertTrue(clientSecrets.has(placeholder), "dev Secret " + secretName + " lacks " + placeholder);
        }
    }

    @Test
    void postgresqlCreatesTheDatabaseEachServiceConnectsTo() {
        String initScript = dev.ofKind("ConfigMap").stream()
                .filter(map -> map.path("data").has("create-databases.sh"))
                .findFirst().orElseThrow()
                .path("data").path("create-databases.sh").asText();
        for (String service : Services.NAMES) {
            String database = Services.databaseOf(dev, service);
            assertTrue(initScript.contains("create_database " + database + " "), service + " uses " + database);
        }
    }
}
