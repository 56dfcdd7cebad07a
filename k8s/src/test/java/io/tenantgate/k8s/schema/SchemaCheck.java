package io.tenantgate.k8s.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.tenantgate.k8s.check.Check;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Manifests;

/**
 * Every object must match its kind's schema, unknown fields rejected: custom resources against the
 * CRDs vendored under k8s/vendor, everything else against the fabric8 model types. A kind with no
 * schema at all is an error too.
 */
public final class SchemaCheck implements Check {

    private static final CrdSchemas CRDS = new CrdSchemas(K8sModule.vendor());

    private final StrictModelSchema models = new StrictModelSchema();
    private final StructuralSchemaValidator structural = new StructuralSchemaValidator();

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode object : manifests.objects()) {
            violationsOf(object).forEach(violation -> violations.add(Manifests.describe(object) + ": " + violation));
        }
        return violations;
    }

    List<String> violationsOf(ObjectNode object) {
        Optional<JsonNode> crdSchema = CRDS.schemaOf(object);
        if (crdSchema.isPresent()) {
            return customResourceViolations(object, crdSchema.get());
        }
        if (!models.knows(object)) {
            return List.of("no schema for " + object.path("apiVersion").asText() + " " + object.path("kind").asText()
                    + " (vendor its CRD under k8s/vendor)");
        }
        return models.violations(object);
    }

    private List<String> customResourceViolations(ObjectNode object, JsonNode schema) {
        ObjectNode body = object.deepCopy();
        body.remove(List.of("apiVersion", "kind"));
        JsonNode metadata = body.remove("metadata");
        List<String> violations = new ArrayList<>(models.violations(metadata, ObjectMeta.class));
        violations.addAll(structural.violations(body, schema, "(root)"));
        return violations;
    }
}
