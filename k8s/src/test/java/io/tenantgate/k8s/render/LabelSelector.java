package io.tenantgate.k8s.render;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Kubernetes label selectors: a plain map (Service) or matchLabels / matchExpressions. */
public final class LabelSelector {

    private LabelSelector() {
    }

    public static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }

    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        return matchesLabels(selector.path("matchLabels"), labels) && matchesExpressions(selector.path("matchExpressions"), labels);
    }

    /** A Service's selector: every key and value must be on the pod. */
    public static boolean matchesLabels(JsonNode requiredLabels, Map<String, String> labels) {
        for (var entries = requiredLabels.fields(); entries.hasNext();) {
            var entry = entries.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesExpressions(JsonNode expressions, Map<String, String> labels) {
        for (JsonNode expression : expressions) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
