package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/** Every container asks for CPU and memory and is capped on both. */
final class ResourcesCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (!container.path("resources").path(bound).has(resource)) {
                            violations.add(workload.owner() + " container " + container.path("name").asText()
                                    + ": no resources." + bound + "." + resource);
                        }
                    }
                }
            }
        }
        return violations;
    }
}
