package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;

/**
 * A Deployment a HorizontalPodAutoscaler scales sets no {@code spec.replicas}: every {@code kubectl apply} would
 * reset the count the autoscaler chose (and a rollout would start from it).
 */
final class AutoscaledReplicasCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (JsonNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            manifests.find(target.path("kind").asText(), target.path("name").asText())
                    .filter(scaled -> scaled.path("spec").has("replicas"))
                    .ifPresent(scaled -> violations.add(Manifests.describe(scaled) + " sets spec.replicas "
                            + scaled.path("spec").path("replicas").asInt() + " while "
                            + Manifests.describe(autoscaler) + " scales it: each apply resets the autoscaler's count"));
        }
        return violations;
    }
}
