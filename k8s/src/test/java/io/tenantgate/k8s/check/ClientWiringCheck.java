package io.tenantgate.k8s.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.LabelSelector;
import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;
import io.tenantgate.k8s.render.OperatorPods;

/**
 * Every peer a TenantGate service calls (each gRPC client, Keycloak, its database), as its own configuration
 * resolves it in the overlay, is a Service of the overlay on that port whose pods exist, and the NetworkPolicies
 * let the call through: egress from the caller's pods and ingress to the callee's pods, on the callee's port.
 * Services the Keycloak and CloudNativePG operators create for their custom resources count as rendered.
 */
final class ClientWiringCheck implements Check {

    /** A Service: its name, its ports (Service port to the pods' port number and name) and the pods it selects. */
    private record Target(String name, Map<Integer, PodPort> ports, Map<String, String> selector) {
    }

    private record PodPort(int number, String name) {
    }

    /** A Pod that may be called, with its labels and the named ports its containers declare. */
    private record Pod(String owner, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    @Override
    public List<String> violations(Manifests manifests) {
        List<Target> targets = targets(manifests);
        List<Pod> pods = pods(manifests);
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.podSpec().path("containers")) {
                ServiceConfiguration.of(container.path("name").asText(), ContainerEnvironment.of(container, manifests))
                        .ifPresent(config -> {
                            for (Map.Entry<String, URI> peer : peers(config).entrySet()) {
                                check(workload.owner(), workload.podLabels(), peer.getKey(), peer.getValue(), targets,
                                        pods, manifests, violations);
                            }
                        });
            }
        }
        // The operators' pods call their database too: Keycloak and, once, its realm-import Job.
        for (OperatorPods.Pod pod : OperatorPods.of(manifests)) {
            pod.database().ifPresent(database -> check(pod.owner(), pod.labels(), "spec.db", database, targets, pods,
                    manifests, violations));
        }
        return violations;
    }

    /** What the service calls, by the setting that says where. */
    private static Map<String, URI> peers(ServiceConfiguration config) {
        Map<String, URI> peers = new java.util.TreeMap<>();
        for (String client : config.grpcClients()) {
            peers.put("quarkus.grpc.clients." + client, config.grpcTarget(client));
        }
        peers.put("tenantgate.keycloak.url", URI.create(config.get("tenantgate.keycloak.url", "http://localhost:8180")));
        peers.put("quarkus.datasource.jdbc.url",
                URI.create(config.get("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/").substring(5)));
        return peers;
    }

    private static void check(String caller, Map<String, String> callerLabels, String setting, URI peer,
                              List<Target> targets, List<Pod> pods, Manifests manifests, List<String> violations) {
        String where = caller + " " + setting + " (" + peer.getHost() + ":" + port(peer) + ")";
        String host = peer.getHost() == null ? "" : peer.getHost().split("\\.")[0];
        Optional<Target> target = targets.stream().filter(t -> t.name().equals(host)).findFirst();
        if (target.isEmpty()) {
            violations.add(where + ": no Service named " + host + " in the overlay");
            return;
        }
        PodPort podPort = target.get().ports().get(port(peer));
        if (podPort == null) {
            violations.add(where + ": Service " + host + " has no port " + port(peer) + ", only " + target.get().ports().keySet());
            return;
        }
        List<Pod> callees = pods.stream().filter(pod -> matchesAll(target.get().selector(), pod.labels())).toList();
        if (callees.isEmpty()) {
            violations.add(where + ": Service " + host + " selects no pod");
        }
        List<JsonNode> policies = List.copyOf(manifests.ofKind("NetworkPolicy"));
        for (Pod callee : callees) {
            int number = podPort.number() > 0 ? podPort.number()
                    : callee.namedPorts().getOrDefault(podPort.name(), -1);
            String name = podPort.name() != null ? podPort.name() : callee.namedPorts().entrySet().stream()
                    .filter(e -> e.getValue() == number).map(Map.Entry::getKey).findFirst().orElse(null);
            if (!allowed(policies, "Egress", callerLabels, callee.labels(), number, name)) {
                violations.add(where + ": no NetworkPolicy lets " + caller + " send to " + callee.owner()
                        + " on port " + number);
            }
            if (!allowed(policies, "Ingress", callee.labels(), callerLabels, number, name)) {
                violations.add(where + ": no NetworkPolicy lets " + callee.owner() + " receive from " + caller
                        + " on port " + number);
            }
        }
    }

    /** Whether a policy selecting {@code self} admits traffic of this direction with {@code other} on the port. */
    private static boolean allowed(List<JsonNode> policies, String direction, Map<String, String> self,
                                   Map<String, String> other, int number, String name) {
        String rules = direction.equals("Egress") ? "egress" : "ingress";
        String peers = direction.equals("Egress") ? "to" : "from";
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            boolean governs = false;
            for (JsonNode type : spec.path("policyTypes")) {
                governs |= direction.equals(type.asText());
            }
            if (!governs || !LabelSelector.matches(spec.path("podSelector"), self)) {
                continue;
            }
            for (JsonNode rule : spec.path(rules)) {
                boolean peerMatches = rule.path(peers).isEmpty();
                for (JsonNode peer : rule.path(peers)) {
                    // Same namespace only: a namespaceSelector or ipBlock peer is another place.
                    peerMatches |= peer.has("podSelector") && !peer.has("namespaceSelector")
                            && LabelSelector.matches(peer.path("podSelector"), other);
                }
                boolean portMatches = rule.path("ports").isEmpty();
                for (JsonNode port : rule.path("ports")) {
                    JsonNode value = port.path("port");
                    portMatches |= value.isMissingNode() || (value.isInt() ? value.asInt() == number
                            : value.asText().equals(name));
                }
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Target> targets(Manifests manifests) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode service : manifests.ofKind("Service")) {
            Map<Integer, PodPort> ports = new java.util.TreeMap<>();
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode targetPort = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                ports.put(port.path("port").asInt(), targetPort.isInt() ? new PodPort(targetPort.asInt(), null)
                        : new PodPort(-1, targetPort.asText()));
            }
            targets.add(new Target(Manifests.nameOf(service), ports,
                    Manifests.stringMap(service.path("spec").path("selector"))));
        }
        for (JsonNode keycloak : manifests.ofKind("Keycloak")) {
            String name = Manifests.nameOf(keycloak);
            int port = OperatorPods.httpPort(keycloak);
            targets.add(new Target(name + "-service", Map.of(port, new PodPort(port, "http")),
                    OperatorPods.keycloakServerLabels(name)));
        }
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            String name = Manifests.nameOf(cluster);
            for (String suffix : List.of("-rw", "-ro", "-r")) {
                targets.add(new Target(name + suffix, Map.of(5432, new PodPort(5432, "postgresql")),
                        Map.of("cnpg.io/cluster", name)));
            }
        }
        return targets;
    }

    private static List<Pod> pods(Manifests manifests) {
        List<Pod> pods = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            Map<String, Integer> named = new java.util.TreeMap<>();
            for (JsonNode container : workload.containers()) {
                for (JsonNode port : container.path("ports")) {
                    if (port.has("name")) {
                        named.put(port.path("name").asText(), port.path("containerPort").asInt());
                    }
                }
            }
            pods.add(new Pod(workload.owner(), workload.podLabels(), named));
        }
        OperatorPods.of(manifests).forEach(pod -> pods.add(new Pod(pod.owner(), pod.labels(), pod.namedPorts())));
        return pods;
    }

    private static boolean matchesAll(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : "postgresql".equals(uri.getScheme()) ? 5432 : 80;
    }
}
