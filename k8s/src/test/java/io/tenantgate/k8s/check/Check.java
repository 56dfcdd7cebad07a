package io.tenantgate.k8s.check;

import java.util.List;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.schema.SchemaCheck;

/** One rule every rendering must follow; each violation names the object and what is wrong. */
public interface Check {

    List<String> violations(Manifests manifests);

    /** Every rule, in the order a reader would check them. */
    static List<Check> all() {
        return List.of(
                new SchemaCheck(),
                new ProbeCheck(),
                new ResourcesCheck(),
                new SecurityContextCheck(),
                new NetworkPolicyCoverageCheck(),
                new ReferenceCheck(),
                new ImageTagCheck(),
                new SelectorCheck(),
                new ClientWiringCheck(),
                new GrpcBalancingCheck(),
                new KeycloakStartCheck(),
                new AutoscaledReplicasCheck(),
                new ShutdownAndMemoryCheck(),
                new RealmMatchesSourceCheck());
    }
}
