package io.tenantgate.k8s.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.RealmImportRenderer;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Manifests;

/**
 * The realm Kubernetes imports is the realm file the local runner uses: in dev the ConfigMap holds it
 * unchanged; in production the KeycloakRealmImport holds the same realm less the users that carry a
 * password (the local demo users), and fills every ${...} placeholder from a Secret.
 */
final class RealmMatchesSourceCheck implements Check {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REALM_CONFIG_MAP_KEY = "tenantgate-realm.json";

    @Override
    public List<String> violations(Manifests manifests) {
        String sourceText = readSource();
        JsonNode source = parse(sourceText);
        List<String> violations = new ArrayList<>();
        for (ObjectNode configMap : manifests.ofKind("ConfigMap")) {
            JsonNode realm = configMap.path("data").path(REALM_CONFIG_MAP_KEY);
            if (realm.isTextual() && !parse(realm.asText()).equals(source)) {
                violations.add(Manifests.describe(configMap) + ": realm differs from " + K8sModule.realmSource());
            }
        }
        for (ObjectNode realmImport : manifests.ofKind("KeycloakRealmImport")) {
            violations.addAll(realmImportViolations(realmImport, (ObjectNode) source, RealmImportRenderer.placeholders(sourceText)));
        }
        return violations;
    }

    private static List<String> realmImportViolations(ObjectNode realmImport, ObjectNode source, Set<String> placeholders) {
        String where = Manifests.describe(realmImport);
        List<String> violations = new ArrayList<>();
        JsonNode imported = realmImport.path("spec").path("realm");
        ObjectNode expected = source.deepCopy();
        ArrayNode usersWithoutPassword = expected.putArray("users");
        source.path("users").forEach(user -> {
            if (!user.has("credentials")) {
                usersWithoutPassword.add(user);
            }
        });
        if (!imported.equals(expected)) {
            violations.add(where + ": realm differs from " + K8sModule.realmSource() + " (less its password users)");
        }
        for (String placeholder : placeholders) {
            if (!realmImport.path("spec").path("placeholders").has(placeholder)) {
                violations.add(where + ": placeholder " + placeholder + " has no value");
            }
        }
        return violations;
    }

    private static String readSource() {
        try {
            return Files.readString(K8sModule.realmSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
