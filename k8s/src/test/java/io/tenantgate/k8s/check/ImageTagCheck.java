package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/** Every image, in pods and in custom resources, is pinned: a digest or an explicit tag other than latest. */
final class ImageTagCheck implements Check {

    /** Custom resources that name an image, and the field under spec that does. */
    private static final Map<String, String> IMAGE_FIELDS = Map.of("Keycloak", "image", "Cluster", "imageName");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                check(workload.owner() + " container " + container.path("name").asText(),
                        container.path("image").asText(), violations);
            }
        }
        IMAGE_FIELDS.forEach((kind, field) -> {
            for (ObjectNode resource : manifests.ofKind(kind)) {
                check(Manifests.describe(resource), resource.path("spec").path(field).asText(), violations);
            }
        });
        return violations;
    }

    private static void check(String where, String image, List<String> violations) {
        if (image.contains("@sha256:")) {
            return;
        }
        int lastSlash = image.lastIndexOf('/');
        int tagSeparator = image.lastIndexOf(':');
        String tag = tagSeparator > lastSlash ? image.substring(tagSeparator + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            violations.add(where + ": image " + image + " is not pinned (" + (tag.isEmpty() ? "no tag" : "latest")
                    + "); use a release tag or a digest");
        }
    }
}
