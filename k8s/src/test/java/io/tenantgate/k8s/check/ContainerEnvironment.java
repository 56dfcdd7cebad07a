package io.tenantgate.k8s.check;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;

/** The plain (non-secret) environment of a container: its literal env values, its pod fields and its ConfigMaps. */
final class ContainerEnvironment {

    private ContainerEnvironment() {
    }

    static Map<String, String> of(JsonNode container, Manifests manifests) {
        Map<String, String> environment = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                manifests.find("ConfigMap", configMap)
                        .ifPresent(map -> environment.putAll(Manifests.stringMap(map.path("data"))));
            }
        }
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                environment.put(variable.path("name").asText(), variable.path("value").asText());
            }
            // Filled in by Kubernetes from the pod itself (its namespace, ...): stands for the value.
            String field = variable.path("valueFrom").path("fieldRef").path("fieldPath").asText(null);
            if (field != null) {
                environment.put(variable.path("name").asText(), "from-" + field.replaceAll("[^A-Za-z0-9]", "-"));
            }
        }
        return environment;
    }
}
