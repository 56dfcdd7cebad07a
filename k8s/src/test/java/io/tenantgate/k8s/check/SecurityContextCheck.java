package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/**
 * Pods run as non-root with the RuntimeDefault seccomp profile and no service-account token; containers
 * cannot escalate, drop every capability, and have a read-only root filesystem with a writable /tmp.
 */
final class SecurityContextCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            JsonNode pod = workload.podSpec();
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                violations.add(workload.owner() + ": automountServiceAccountToken must be false");
            }
            for (JsonNode container : workload.containers()) {
                String where = workload.owner() + " container " + container.path("name").asText();
                containerViolations(where, pod, container, violations);
            }
        }
        return violations;
    }

    private static void containerViolations(String where, JsonNode pod, JsonNode container, List<String> violations) {
        JsonNode podContext = pod.path("securityContext");
        JsonNode context = container.path("securityContext");
        if (!effective(context, podContext, "runAsNonRoot").asBoolean(false)) {
            violations.add(where + ": runAsNonRoot must be true");
        }
        if (!"RuntimeDefault".equals(effective(context, podContext, "seccompProfile").path("type").asText())) {
            violations.add(where + ": seccompProfile must be RuntimeDefault");
        }
        if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (!contains(context.path("capabilities").path("drop"), "ALL") || context.path("capabilities").has("add")) {
            violations.add(where + ": capabilities must drop ALL and add none");
        }
        if (context.path("privileged").asBoolean(false)) {
            violations.add(where + ": must not be privileged");
        }
        if (!mountsEmptyDir(pod, container, "/tmp")) {
            violations.add(where + ": needs an emptyDir at /tmp (the root filesystem is read-only)");
        }
    }

    private static JsonNode effective(JsonNode containerContext, JsonNode podContext, String field) {
        return containerContext.has(field) ? containerContext.path(field) : podContext.path(field);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mountsEmptyDir(JsonNode pod, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
