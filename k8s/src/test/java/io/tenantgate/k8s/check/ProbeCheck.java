package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/**
 * Every long-running container has startup, liveness and readiness probes. For a TenantGate service
 * they must hit its health endpoints on the port the service really serves them on (its own
 * configuration: the management interface's port, apart from the API), its port named "http" must be
 * the API's port and its port named "management" the management interface's.
 */
final class ProbeCheck implements Check {

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.podSpec().path("containers")) {
                String where = workload.owner() + " container " + container.path("name").asText();
                for (String probe : PROBES) {
                    if (!container.has(probe)) {
                        violations.add(where + ": no " + probe);
                    }
                }
                ServiceConfiguration.of(container.path("name").asText(), ContainerEnvironment.of(container, manifests))
                        .ifPresent(config -> violations.addAll(serviceProbeViolations(where, container, config)));
            }
        }
        return violations;
    }

    private static List<String> serviceProbeViolations(String where, JsonNode container, ServiceConfiguration config) {
        List<String> violations = new ArrayList<>();
        expectNamedPort(where, container, "http", "quarkus.http.port", config.httpPort(), violations);
        int port = config.healthPort();
        if (config.managementEnabled()) {
            expectNamedPort(where, container, "management", "quarkus.management.port", port, violations);
        }
        expectHttpProbe(where, container, "startupProbe", config.startupPath(), port, violations);
        expectHttpProbe(where, container, "livenessProbe", config.livenessPath(), port, violations);
        expectHttpProbe(where, container, "readinessProbe", config.readinessPath(), port, violations);
        return violations;
    }

    private static void expectNamedPort(String where, JsonNode container, String name, String property, int expected,
            List<String> violations) {
        OptionalInt declared = ContainerPorts.named(container, name);
        if (declared.isEmpty() || declared.getAsInt() != expected) {
            violations.add(where + ": container port '" + name + "' must be the service's " + property + " " + expected
                    + ", is " + (declared.isPresent() ? declared.getAsInt() : "missing"));
        }
    }

    private static void expectHttpProbe(String where, JsonNode container, String probe, String path, int port,
            List<String> violations) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        if (httpGet.isMissingNode()) {
            return; // a missing probe is reported once, above
        }
        if (!path.equals(httpGet.path("path").asText())) {
            violations.add(where + ": " + probe + " path must be " + path + ", is " + httpGet.path("path").asText());
        }
        OptionalInt probePort = ContainerPorts.resolve(container, httpGet.path("port"));
        if (probePort.isEmpty() || probePort.getAsInt() != port) {
            violations.add(where + ": " + probe + " port must resolve to " + port + ", is " + httpGet.path("port"));
        }
    }
}
