package io.tenantgate.k8s.check;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/**
 * gRPC calls spread over every pod of the peer. A ClusterIP Service balances connections, not calls, and a
 * gRPC channel keeps one HTTP/2 connection for its whole life, so a scaled-out peer would get no calls. Each
 * client resolves the peer through Stork's DNS discovery of a headless Service (one A record per ready pod,
 * looked up again every refresh period) and balances calls round robin, as the local suite does with its
 * static list.
 */
final class GrpcBalancingCheck implements Check {

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.podSpec().path("containers")) {
                ServiceConfiguration.of(container.path("name").asText(), ContainerEnvironment.of(container, manifests))
                        .ifPresent(config -> {
                            for (String client : config.grpcClients()) {
                                check(workload.owner(), client, config, manifests, violations);
                            }
                        });
            }
        }
        return violations;
    }

    private static void check(String owner, String client, ServiceConfiguration config, Manifests manifests,
                              List<String> violations) {
        String where = owner + " quarkus.grpc.clients." + client;
        String prefix = "quarkus.grpc.clients." + client;
        if (!"stork".equals(config.get(prefix + ".name-resolver", "dns"))) {
            violations.add(where + ": not balanced per call (name-resolver is not stork)");
            return;
        }
        String discovery = "quarkus.stork." + config.get(prefix + ".host", "") + ".";
        if (!"dns".equals(config.get(discovery + "service-discovery.type", ""))) {
            violations.add(where + ": Stork service discovery is not dns");
        }
        if (!"round-robin".equals(config.get(discovery + "load-balancer.type", "round-robin"))) {
            violations.add(where + ": Stork load balancer is not round-robin");
        }
        String hostname = config.grpcTarget(client).getHost();
        if (hostname == null || config.get(discovery + "service-discovery.hostname", "").contains("${")) {
            violations.add(where + ": Stork hostname " + config.get(discovery + "service-discovery.hostname", "")
                    + " names a variable the container does not set");
            return;
        }
        String service = hostname.split("\\.")[0];
        manifests.find("Service", service).ifPresentOrElse(found -> {
            if (!"None".equals(found.path("spec").path("clusterIP").asText())) {
                violations.add(where + ": Service " + service + " is not headless (clusterIP: None), so DNS gives one "
                        + "virtual address and every call goes over one connection to one pod");
            }
        }, () -> violations.add(where + ": no Service named " + service));
    }
}
