package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.render.LabelSelector;
import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/**
 * Services select pods that exist and whose containers have the target ports; PodDisruptionBudgets
 * select pods; autoscalers scale Deployments that exist.
 */
final class SelectorCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode service : manifests.ofKind("Service")) {
            serviceViolations(service, manifests, violations);
        }
        for (ObjectNode budget : manifests.ofKind("PodDisruptionBudget")) {
            JsonNode selector = budget.path("spec").path("selector");
            if (manifests.workloads().stream().noneMatch(workload -> LabelSelector.matches(selector, workload.podLabels()))) {
                violations.add(Manifests.describe(budget) + ": selects no pods");
            }
        }
        for (ObjectNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            if (manifests.find(target.path("kind").asText(), target.path("name").asText()).isEmpty()) {
                violations.add(Manifests.describe(autoscaler) + ": scales " + target.path("kind").asText() + "/"
                        + target.path("name").asText() + ", which is not rendered");
            }
        }
        return violations;
    }

    private static void serviceViolations(ObjectNode service, Manifests manifests, List<String> violations) {
        JsonNode selector = service.path("spec").path("selector");
        List<Workload> selected = manifests.workloads().stream()
                .filter(workload -> LabelSelector.matchesLabels(selector, workload.podLabels()))
                .toList();
        if (selector.isEmpty() || selected.isEmpty()) {
            violations.add(Manifests.describe(service) + ": selector " + selector + " matches no pod template");
            return;
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode targetPort = port.has("targetPort") ? port.path("targetPort") : port.path("port");
            for (Workload workload : selected) {
                boolean served = workload.containers().stream()
                        .anyMatch(container -> ContainerPorts.declares(container, targetPort));
                if (!served) {
                    violations.add(Manifests.describe(service) + ": port " + port.path("name").asText() + " targets "
                            + targetPort + ", which no container of " + workload.owner() + " declares");
                }
            }
        }
    }
}
