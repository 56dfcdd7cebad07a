package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.render.LabelSelector;
import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.PodLabels;

/**
 * The namespace denies all traffic by default, and every pod (the rendering's own workloads and the
 * pods the Keycloak and CloudNativePG operators create) is selected by a policy written for it, that
 * is one with a non-empty pod selector: a pod only the default deny selects has no working traffic.
 */
final class NetworkPolicyCoverageCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<ObjectNode> policies = manifests.ofKind("NetworkPolicy");
        List<String> violations = new ArrayList<>();
        if (policies.stream().noneMatch(NetworkPolicyCoverageCheck::isDefaultDenyAll)) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        for (PodLabels pod : manifests.pods()) {
            boolean selected = policies.stream()
                    .map(policy -> policy.path("spec").path("podSelector"))
                    .anyMatch(selector -> !LabelSelector.isEmpty(selector) && LabelSelector.matches(selector, pod.labels()));
            if (!selected) {
                violations.add(pod.owner() + ": its pods " + pod.labels() + " are selected by no NetworkPolicy of their own");
            }
        }
        return violations;
    }

    private static boolean isDefaultDenyAll(JsonNode policy) {
        JsonNode spec = policy.path("spec");
        List<String> types = new ArrayList<>();
        spec.path("policyTypes").forEach(type -> types.add(type.asText()));
        return LabelSelector.isEmpty(spec.path("podSelector"))
                && types.containsAll(List.of("Ingress", "Egress"))
                && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
    }
}
