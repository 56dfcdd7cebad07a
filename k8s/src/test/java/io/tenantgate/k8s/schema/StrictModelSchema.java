package io.tenantgate.k8s.schema;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/**
 * Built-in kinds (and the Prometheus Operator's ServiceMonitor) checked against the fabric8 model
 * types, which are generated from the Kubernetes OpenAPI schema and the operator's API. fabric8 types
 * normally keep unknown fields in an "additionalProperties" map; here that escape hatch is switched
 * off, so an unknown field, a wrong type or a string where a number belongs is an error, as with
 * {@code kubectl apply --validate=strict}.
 */
final class StrictModelSchema {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    boolean knows(JsonNode object) {
        try {
            return !(STRICT.treeToValue(object, KubernetesResource.class) instanceof GenericKubernetesResource);
        } catch (JsonProcessingException e) {
            return true; // a known type that failed to bind
        }
    }

    List<String> violations(JsonNode object, Class<?> type) {
        try {
            STRICT.treeToValue(object, type);
            return List.of();
        } catch (UnrecognizedPropertyException e) {
            return List.of("unknown field '" + e.getPropertyName() + "' at " + path(e));
        } catch (JsonMappingException e) {
            return List.of("invalid value at " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return List.of(e.getOriginalMessage());
        }
    }

    List<String> violations(JsonNode object) {
        return violations(object, KubernetesResource.class);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(root)" : path.toString();
    }
}
