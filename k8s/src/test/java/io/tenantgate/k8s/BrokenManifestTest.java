package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tenantgate.k8s.check.Check;
import io.tenantgate.k8s.render.Manifests;

/**
 * Breaking a copy of the manifests on purpose makes validation fail, and for the right reason: each
 * test expects a violation that names the broken object and what is wrong with it.
 */
class BrokenManifestTest {

    private static final String IDENTITY_DEPLOYMENT = "base/identity-service/deployment.yaml";

    @TempDir
    Path copyFolder;

    @Test
    void misspeltFieldOfABuiltInKind() {
        Manifests broken = copy().replace(IDENTITY_DEPLOYMENT, "imagePullPolicy:", "imagePulPolicy:").render("dev");

        assertViolation(broken, "Deployment/identity-service", "unknown field 'imagePulPolicy'");
    }

    @Test
    void misspeltFieldOfACloudNativePgCluster() {
        Manifests broken = copy().replace("overlays/production/postgresql/cluster.yaml", "  instances: 3", "  instance: 3")
                .render("production");

        assertViolation(broken, "Cluster/tenantgate-postgres", "unknown field 'instance' at (root).spec");
        assertViolation(broken, "Cluster/tenantgate-postgres", "missing required field 'instances'");
    }

    @Test
    void misspeltFieldOfAKeycloakOperatorResource() {
        Manifests broken = copy().replace("overlays/production/keycloak/keycloak.yaml", "httpEnabled:", "httpEnable:")
                .render("production");

        assertViolation(broken, "Keycloak/tenantgate-keycloak", "unknown field 'httpEnable' at (root).spec.http");
    }

    @Test
    void misspeltFieldOfAServiceMonitor() {
        Manifests broken = copy().replace("overlays/production/servicemonitor.yaml", "scrapeTimeout:", "scrapeTimout:")
                .render("production");

        assertViolation(broken, "ServiceMonitor/tenantgate-services", "unknown field 'scrapeTimout'");
    }

    @Test
    void wrongValueTypeInTheRealm() {
        Manifests broken = copy().replace("overlays/production/keycloak/realm-import.yaml", "registrationAllowed: false",
                "registrationAllowed: \"no\"").render("production");

        assertViolation(broken, "KeycloakRealmImport/tenantgate-realm", "expected boolean at (root).spec.realm.registrationAllowed");
    }

    @Test
    void wrongPortForTheService() {
        Manifests broken = copy().replace(IDENTITY_DEPLOYMENT, "containerPort: 8082", "containerPort: 8080").render("dev");

        assertViolation(broken, "Deployment/identity-service container identity-service",
                "container port 'http' must be the service's quarkus.http.port 8082, is 8080");
    }

    /** Health on the API port would answer 404: the service serves it on its management interface only. */
    @Test
    void probeOnThePublicPort() {
        Manifests broken = copy().replace(IDENTITY_DEPLOYMENT, """
                              path: /q/health/ready
                              port: management
                """, """
                              path: /q/health/ready
                              port: http
                """).render("dev");

        assertViolation(broken, "Deployment/identity-service container identity-service",
                "readinessProbe port must resolve to 9000");
    }

    @Test
    void probeOnTheWrongPath() {
        Manifests broken = copy().replace(IDENTITY_DEPLOYMENT, "path: /q/health/ready", "path: /health/ready").render("dev");

        assertViolation(broken, "identity-service", "readinessProbe path must be /q/health/ready");
    }

    @Test
    void missingProbe() {
        Manifests broken = copy().replace("base/screening-service/deployment.yaml", """
                          readinessProbe:
                            httpGet:
                              path: /q/health/ready
                              port: management
                            periodSeconds: 5
                            timeoutSeconds: 3
                            failureThreshold: 3
                """, "").render("dev");

        assertViolation(broken, "Deployment/screening-service container screening-service", "no readinessProbe");
    }

    @Test
    void missingMemoryLimit() {
        Manifests broken = copy().replace("base/reporting-service/deployment.yaml", "              cpu: \"1\"\n              memory: 1Gi\n",
                        "              cpu: \"1\"\n")
                .render("production");

        assertViolation(broken, "Deployment/reporting-service", "no resources.limits.memory");
    }

    @Test
    void writableRootFilesystem() {
        Manifests broken = copy().replace(IDENTITY_DEPLOYMENT, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")
                .render("production");

        assertViolation(broken, "Deployment/identity-service", "readOnlyRootFilesystem must be true");
    }

    @Test
    void latestImageTag() {
        Manifests broken = copy().replace("overlays/production/kustomization.yaml",
                "screening-service\n    newTag: 0.1.0", "screening-service\n    newTag: latest").render("production");

        assertViolation(broken, "Deployment/screening-service", "is not pinned (latest)");
    }

    @Test
    void podSelectedByNoNetworkPolicy() {
        Manifests broken = copy().replace("overlays/dev/network-policies.yaml",
                "  name: keycloak\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: keycloak\n",
                "  name: keycloak\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: keycloack\n")
                .render("dev");

        assertViolation(broken, "Deployment/keycloak", "selected by no NetworkPolicy");
    }

    @Test
    void danglingSecretReference() {
        Manifests broken = copy().replace("base/reporting-service/deployment.yaml",
                "name: tenantgate-db-reporting\n                  key: password", "name: tenantgate-db-reporting\n                  key: passwd")
                .render("production");

        assertViolation(broken, "Deployment/reporting-service", "Secret tenantgate-db-reporting key passwd is neither rendered");
    }

    @Test
    void serviceSelectingNoPod() {
        Manifests broken = copy().replace("base/screening-service/service.yaml",
                "spec:\n  selector:\n    app.kubernetes.io/name: screening-service", "spec:\n  selector:\n    app.kubernetes.io/name: screening")
                .render("dev");

        assertViolation(broken, "Service/screening-service", "matches no pod template");
    }

    @Test
    void grpcClientLeftPointingAtLocalhost() {
        Manifests broken = copy().replace("base/identity-service/configmap.yaml",
                "  QUARKUS_PROFILE: prod,kubernetes\n", "").render("production");

        assertViolation(broken, "Deployment/identity-service quarkus.grpc.clients.reporting", "no Service named localhost");
    }

    @Test
    void grpcClientOnAPortTheServiceDoesNotHave() {
        String headlessPort = "  clusterIP: None\n  selector:\n    app.kubernetes.io/name: screening-service\n  ports:\n"
                + "    - name: http\n      port: 8081";
        Manifests broken = copy().replace("base/screening-service/service.yaml", headlessPort,
                headlessPort.replace("8081", "9000")).render("dev");

        assertViolation(broken, "quarkus.grpc.clients.screening", "Service screening-service-pods has no port 8081");
    }

    @Test
    void grpcClientThroughAServiceAddress() {
        Manifests broken = copy().replace("base/screening-service/service.yaml", "  clusterIP: None\n", "").render("production");

        assertViolation(broken, "quarkus.grpc.clients.screening", "Service screening-service-pods is not headless");
    }

    @Test
    void callThatNoNetworkPolicyLetsThrough() {
        String egressToReporting = "              app.kubernetes.io/name: reporting-service\n      ports:\n"
                + "        - protocol: TCP\n          port: 8083";
        Manifests broken = copy().replace("base/network-policies.yaml", egressToReporting,
                egressToReporting.replace("8083", "8084")).render("production");

        assertViolation(broken, "quarkus.grpc.clients.reporting", "no NetworkPolicy lets Deployment/identity-service send to Deployment/reporting-service on port 8083");
    }

    @Test
    void realmEditedInTheKubernetesTreeInsteadOfTheSource() {
        Manifests broken = copy().replace("overlays/dev/keycloak/tenantgate-realm.json", "\"accessTokenLifespan\": 300",
                "\"accessTokenLifespan\": 3600").render("dev");

        assertViolation(broken, "ConfigMap/keycloak-realm", "realm differs from");
    }

    private BrokenCopy copy() {
        return new BrokenCopy(copyFolder);
    }

    /** Some check reports a violation containing every fragment. */
    private static void assertViolation(Manifests broken, String... fragments) {
        List<String> violations = Check.all().stream().flatMap(check -> check.violations(broken).stream()).toList();
        assertTrue(violations.stream().anyMatch(violation -> Arrays.stream(fragments).allMatch(violation::contains)),
                "expected a violation containing " + Arrays.toString(fragments) + ", got " + violations);
    }
}
