package io.tenantgate.k8s;

import java.util.List;

import io.tenantgate.k8s.render.Manifests;

/** The three TenantGate services and facts about them that the overlay tests share. */
final class Services {

    static final List<String> NAMES = List.of("screening-service", "identity-service", "reporting-service");

    private Services() {
    }

    /** The database name in the JDBC URL the service's ConfigMap gives it. */
    static String databaseOf(Manifests manifests, String service) {
        String url = manifests.get("ConfigMap", service + "-config").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        String afterHost = url.substring(url.lastIndexOf('/') + 1);
        return afterHost.split("\\?")[0];
    }
}
