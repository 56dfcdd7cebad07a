package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/**
 * Every ConfigMap the manifests reference exists in the rendering, with the key referenced; every
 * Secret (and key) does too, or k8s/README.md lists it among the Secrets the operator creates.
 */
final class ReferenceCheck implements Check {

    /** A reference to a whole object (key null) or to one key of it. */
    record Reference(String from, String kind, String name, String key) {
    }

    @Override
    public List<String> violations(Manifests manifests) {
        OperatorSuppliedSecrets documented = OperatorSuppliedSecrets.fromReadme(K8sModule.readme());
        List<String> violations = new ArrayList<>();
        for (Reference reference : references(manifests)) {
            Optional<ObjectNode> target = manifests.find(reference.kind(), reference.name());
            boolean resolved = target.map(object -> reference.key() == null || hasKey(object, reference.key()))
                    .orElse(false);
            boolean documentedSecret = "Secret".equals(reference.kind()) && target.isEmpty()
                    && documented.documents(reference.name(), reference.key());
            if (!resolved && !documentedSecret) {
                violations.add(reference.from() + ": " + reference.kind() + " " + reference.name()
                        + (reference.key() == null ? "" : " key " + reference.key())
                        + " is neither rendered nor listed in k8s/README.md as created by the operator");
            }
        }
        return violations;
    }

    static List<Reference> references(Manifests manifests) {
        List<Reference> references = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            podReferences(workload, references);
        }
        for (ObjectNode ingress : manifests.ofKind("Ingress")) {
            ingress.path("spec").path("tls").forEach(tls ->
                    references.add(new Reference(Manifests.describe(ingress), "Secret", tls.path("secretName").asText(), null)));
        }
        for (ObjectNode keycloak : manifests.ofKind("Keycloak")) {
            keycloakReferences(keycloak, references);
        }
        for (ObjectNode realmImport : manifests.ofKind("KeycloakRealmImport")) {
            realmImport.path("spec").path("placeholders").forEach(placeholder ->
                    addSecretKey(Manifests.describe(realmImport), placeholder.path("secret"), references));
        }
        for (ObjectNode cluster : manifests.ofKind("Cluster")) {
            clusterReferences(cluster, references);
        }
        for (ObjectNode store : manifests.ofKind("ObjectStore")) {
            objectStoreReferences(store, references);
        }
        return references;
    }

    private static void podReferences(Workload workload, List<Reference> references) {
        for (JsonNode container : workload.containers()) {
            String from = workload.owner() + " container " + container.path("name").asText();
            for (JsonNode variable : container.path("env")) {
                addSecretKey(from, variable.path("valueFrom").path("secretKeyRef"), references);
                JsonNode configMapKey = variable.path("valueFrom").path("configMapKeyRef");
                if (configMapKey.has("name") && !configMapKey.path("optional").asBoolean(false)) {
                    references.add(new Reference(from, "ConfigMap", configMapKey.path("name").asText(), configMapKey.path("key").asText()));
                }
            }
            for (JsonNode source : container.path("envFrom")) {
                addWhole(from, "Secret", source.path("secretRef"), references);
                addWhole(from, "ConfigMap", source.path("configMapRef"), references);
            }
        }
        for (JsonNode pullSecret : workload.podSpec().path("imagePullSecrets")) {
            references.add(new Reference(workload.owner(), "Secret", pullSecret.path("name").asText(), null));
        }
        for (JsonNode volume : workload.podSpec().path("volumes")) {
            if (volume.has("secret")) {
                references.add(new Reference(workload.owner(), "Secret", volume.path("secret").path("secretName").asText(), null));
            }
            addWhole(workload.owner(), "ConfigMap", volume.path("configMap"), references);
        }
    }

    private static void keycloakReferences(ObjectNode keycloak, List<Reference> references) {
        String from = Manifests.describe(keycloak);
        JsonNode spec = keycloak.path("spec");
        addSecretKey(from, spec.path("db").path("usernameSecret"), references);
        addSecretKey(from, spec.path("db").path("passwordSecret"), references);
        for (String user : List.of("user", "service")) {
            String secret = spec.path("bootstrapAdmin").path(user).path("secret").asText(null);
            if (secret != null) {
                references.add(new Reference(from, "Secret", secret, null));
            }
        }
        for (JsonNode tlsSecret : List.of(spec.path("http").path("tlsSecret"), spec.path("ingress").path("tlsSecret"))) {
            if (tlsSecret.isTextual()) {
                references.add(new Reference(from, "Secret", tlsSecret.asText(), null));
            }
        }
    }

    /** The Barman Cloud plugin reads the object store's credentials from Secret keys. */
    private static void objectStoreReferences(ObjectNode store, List<Reference> references) {
        JsonNode credentials = store.path("spec").path("configuration").path("s3Credentials");
        credentials.fields().forEachRemaining(field -> addSecretKey(Manifests.describe(store), field.getValue(), references));
    }

    /** CloudNativePG reads username and password from the basic-auth Secrets of the owner and the managed roles. */
    private static void clusterReferences(ObjectNode cluster, List<Reference> references) {
        String from = Manifests.describe(cluster);
        List<JsonNode> basicAuthSecrets = new ArrayList<>();
        basicAuthSecrets.add(cluster.path("spec").path("bootstrap").path("initdb").path("secret"));
        cluster.path("spec").path("managed").path("roles").forEach(role -> basicAuthSecrets.add(role.path("passwordSecret")));
        for (JsonNode secret : basicAuthSecrets) {
            if (secret.has("name")) {
                for (String key : List.of("username", "password")) {
                    references.add(new Reference(from, "Secret", secret.path("name").asText(), key));
                }
            }
        }
    }

    private static void addSecretKey(String from, JsonNode selector, List<Reference> references) {
        if (selector.has("name") && !selector.path("optional").asBoolean(false)) {
            references.add(new Reference(from, "Secret", selector.path("name").asText(), selector.path("key").asText()));
        }
    }

    private static void addWhole(String from, String kind, JsonNode reference, List<Reference> references) {
        if (reference.has("name") && !reference.path("optional").asBoolean(false)) {
            references.add(new Reference(from, kind, reference.path("name").asText(), null));
        }
    }

    private static boolean hasKey(JsonNode object, String key) {
        return object.path("data").has(key) || object.path("stringData").has(key);
    }
}
