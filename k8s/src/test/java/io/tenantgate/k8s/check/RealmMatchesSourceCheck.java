package io.tenantgate.k8s.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.RealmImportRenderer;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Manifests;

/**
 * The realm Kubernetes imports is the realm file the local runner uses: in dev the ConfigMap holds it
 * unchanged; in production the KeycloakRealmImport holds the same realm made fit for production (no demo users,
 * the staff client instead of the password-grant one, sign-in rules), and fills every ${...} placeholder from a
 * Secret. A hand edit of either generated file is caught.
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
            violations.addAll(realmImportViolations(realmImport, source));
        }
        return violations;
    }

    private static List<String> realmImportViolations(ObjectNode realmImport, JsonNode source) {
        String where = Manifests.describe(realmImport);
        List<String> violations = new ArrayList<>();
        JsonNode imported = realmImport.path("spec").path("realm");
        ObjectNode expected = RealmImportRenderer.productionRealm(source.toString());
        if (!imported.equals(expected)) {
            violations.add(where + ": realm differs from " + K8sModule.realmSource()
                    + " made fit for production (RealmImportRenderer.productionRealm)");
        }
        for (String placeholder : RealmImportRenderer.placeholders(expected.toString())) {
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
