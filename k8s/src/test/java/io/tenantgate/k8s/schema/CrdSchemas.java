package io.tenantgate.k8s.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The openAPIV3Schema of every version of every CustomResourceDefinition under k8s/vendor. */
final class CrdSchemas {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Map<String, JsonNode> schemaByApiVersionAndKind = new HashMap<>();

    CrdSchemas(Path vendorDir) {
        for (Path file : yamlFiles(vendorDir)) {
            JsonNode crd = read(file);
            if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                continue;
            }
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                schemaByApiVersionAndKind.put(key(group + "/" + version.path("name").asText(), kind),
                        version.path("schema").path("openAPIV3Schema"));
            }
        }
    }

    Optional<JsonNode> schemaOf(JsonNode object) {
        return Optional.ofNullable(schemaByApiVersionAndKind.get(
                key(object.path("apiVersion").asText(), object.path("kind").asText())));
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
