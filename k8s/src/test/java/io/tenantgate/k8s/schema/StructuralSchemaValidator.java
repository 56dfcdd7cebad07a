package io.tenantgate.k8s.schema;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates a value against a CRD's structural schema (OpenAPI v3 subset) the way the API server does
 * with strict field validation: a field the schema does not declare is an error unless the schema
 * says {@code x-kubernetes-preserve-unknown-fields} or allows {@code additionalProperties}.
 */
final class StructuralSchemaValidator {

    List<String> violations(JsonNode value, JsonNode schema, String path) {
        List<String> violations = new ArrayList<>();
        validate(value, schema, path, violations);
        return violations;
    }

    private void validate(JsonNode value, JsonNode schema, String path, List<String> violations) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                violations.add("null not allowed at " + path);
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                violations.add("expected integer or string at " + path);
            }
            return;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> validateObject(value, schema, path, violations);
            case "array" -> validateArray(value, schema, path, violations);
            case "string" -> expect(value.isTextual(), "string", path, violations);
            case "integer" -> expect(value.isIntegralNumber(), "integer", path, violations);
            case "number" -> expect(value.isNumber(), "number", path, violations);
            case "boolean" -> expect(value.isBoolean(), "boolean", path, violations);
            default -> {
                // untyped: anything goes
            }
        }
        validateEnum(value, schema, path, violations);
    }

    private void validateObject(JsonNode value, JsonNode schema, String path, List<String> violations) {
        if (!value.isObject()) {
            violations.add("expected object at " + path);
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        value.fields().forEachRemaining(field -> {
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), fieldPath, violations);
            } else if (additional.isObject()) {
                validate(field.getValue(), additional, fieldPath, violations);
            } else if (!preserveUnknown && !additional.asBoolean(false)) {
                violations.add("unknown field '" + field.getKey() + "' at " + path);
            }
        });
        schema.path("required").forEach(required -> {
            if (!value.has(required.asText())) {
                violations.add("missing required field '" + required.asText() + "' at " + path);
            }
        });
    }

    private void validateArray(JsonNode value, JsonNode schema, String path, List<String> violations) {
        if (!value.isArray()) {
            violations.add("expected array at " + path);
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            validate(value.get(i), schema.path("items"), path + "[" + i + "]", violations);
        }
    }

    private static void validateEnum(JsonNode value, JsonNode schema, String path, List<String> violations) {
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && !allowed.isEmpty()) {
            for (JsonNode option : allowed) {
                if (option.equals(value)) {
                    return;
                }
            }
            violations.add("value " + value + " at " + path + " is not one of " + allowed);
        }
    }

    private static void expect(boolean ok, String type, String path, List<String> violations) {
        if (!ok) {
            violations.add("expected " + type + " at " + path);
        }
    }
}
