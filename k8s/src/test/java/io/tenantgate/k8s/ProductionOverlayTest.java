package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.check.ServiceConfiguration;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;
import io.tenantgate.k8s.render.LabelSelector;
import io.tenantgate.k8s.render.Manifests;

/** The production overlay: operators' resources, high availability, monitoring. */
class ProductionOverlayTest {

    private final Manifests production = Kustomize.renderCached(K8sModule.overlay("production"));

    @Test
    void runsAtLeastTwoReplicasOfEachServiceSpreadOverZonesAndNodes() {
        for (String service : Services.NAMES) {
            JsonNode deployment = production.get("Deployment", service);
            int replicas = production.find("HorizontalPodAutoscaler", service)
                    .map(autoscaler -> autoscaler.path("spec").path("minReplicas").asInt())
                    .orElse(deployment.path("spec").path("replicas").asInt());
            assertTrue(replicas >= 2, service + " replicas");
            JsonNode template = deployment.path("spec").path("template");
            Set<String> topologyKeys = new HashSet<>();
            for (JsonNode constraint : template.path("spec").path("topologySpreadConstraints")) {
                assertTrue(LabelSelector.matches(constraint.path("labelSelector"),
                        Manifests.stringMap(template.path("metadata").path("labels"))), service + " spread selector");
                topologyKeys.add(constraint.path("topologyKey").asText());
            }
            assertEquals(Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), topologyKeys, service);
        }
        for (ObjectNode autoscaler : production.ofKind("HorizontalPodAutoscaler")) {
            assertTrue(autoscaler.path("spec").path("minReplicas").asInt() >= 2, Manifests.describe(autoscaler));
        }
    }

    @Test
    void postgresqlIsACloudNativePgClusterOfThreeWithOneDatabasePerService() {
        ObjectNode cluster = production.get("Cluster", "tenantgate-postgres");
        assertEquals(3, cluster.path("spec").path("instances").asInt());
        for (String service : Services.NAMES) {
            String database = Services.databaseOf(production, service);
            assertTrue(production.ofKind("Database").stream().anyMatch(db ->
                    db.path("spec").path("name").asText().equals(database)
                            && db.path("spec").path("cluster").path("name").asText().equals("tenantgate-postgres")),
                    "a Database " + database + " for " + service);
        }
    }

    @Test
    void keycloakRunsThroughTheOperatorAndImportsTheRealm() {
        ObjectNode keycloak = production.get("Keycloak", RealmImportRenderer.KEYCLOAK_CR_NAME);
        assertEquals("tenantgate-postgres-rw", keycloak.path("spec").path("db").path("host").asText());
        List<ObjectNode> imports = production.ofKind("KeycloakRealmImport");
        assertEquals(1, imports.size());
        assertEquals(RealmImportRenderer.KEYCLOAK_CR_NAME, imports.get(0).path("spec").path("keycloakCRName").asText());
    }

    @Test
    void serviceMonitorScrapesEveryServiceOnItsMetricsEndpoint() {
        ObjectNode monitor = production.get("ServiceMonitor", "tenantgate-services");
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        for (String service : Services.NAMES) {
            JsonNode serviceObject = production.get("Service", service);
            assertTrue(LabelSelector.matches(monitor.path("spec").path("selector"),
                    Manifests.stringMap(serviceObject.path("metadata").path("labels"))), service + " selected");
            assertTrue(serviceObject.path("spec").path("ports").findValuesAsText("name").contains(endpoint.path("port").asText()),
                    service + " has the scraped port");
            long scrapedServices = production.ofKind("Service").stream()
                    .filter(candidate -> LabelSelector.matches(monitor.path("spec").path("selector"),
                            Manifests.stringMap(candidate.path("metadata").path("labels"))))
                    .filter(candidate -> candidate.path("spec").path("selector").path("app.kubernetes.io/name").asText().equals(service))
                    .filter(candidate -> candidate.path("spec").path("ports").findValuesAsText("name").contains(endpoint.path("port").asText()))
                    .count();
            assertEquals(1, scrapedServices, service + "'s pods are scraped through one Service, not twice");
        }
    }

    /** Health, metrics and OpenAPI live on the management port: no ingress may route to it. */
    @Test
    void noIngressRoutesTheManagementPort() {
        List<ObjectNode> ingresses = production.ofKind("Ingress");
        assertTrue(!ingresses.isEmpty());
        for (ObjectNode ingress : ingresses) {
            for (JsonNode port : ingress.findValues("port")) {
                assertTrue(!"management".equals(port.path("name").asText()) && port.path("number").asInt() != 9000,
                        ingress.path("metadata").path("name").asText() + " routes " + port);
            }
        }
    }

    /** The metric is the one identity-service registers (tenantgate.parked.items, in Prometheus form). */
    @Test
    void parkedWorkRaisesAnAlert() {
        ObjectNode rules = production.get("PrometheusRule", "tenantgate-alerts");
        List<String> expressions = rules.path("spec").path("groups").findValuesAsText("expr");
        assertTrue(expressions.stream().anyMatch(expr -> expr.contains("tenantgate_parked_items")), expressions.toString());
        assertTrue(rules.path("spec").path("groups").findValuesAsText("alert").contains("TenantgateParkedWork"));
    }

    @Test
    void commitsNoSecret() {
        assertFalse(production.objects().stream().anyMatch(object -> "Secret".equals(object.path("kind").asText())));
    }

    /**
     * CIP records must outlive a lost volume or a dropped table: WAL archived continuously to an object store
     * through the Barman Cloud plugin, a base backup every day, kept for the two-year record-keeping period.
     */
    @Test
    void postgresqlIsBackedUpForTheRecordKeepingPeriod() {
        ObjectNode cluster = production.get("Cluster", "tenantgate-postgres");
        JsonNode archiver = null;
        for (JsonNode plugin : cluster.path("spec").path("plugins")) {
            if (plugin.path("name").asText().equals(BARMAN_CLOUD) && plugin.path("isWALArchiver").asBoolean()) {
                archiver = plugin;
            }
        }
        assertTrue(archiver != null, "the Cluster archives WAL through " + BARMAN_CLOUD);
        ObjectNode store = production.get("ObjectStore", archiver.path("parameters").path("barmanObjectName").asText());
        assertTrue(retentionDays(store.path("spec").path("retentionPolicy").asText()) >= 730,
                "retention " + store.path("spec").path("retentionPolicy"));
        assertTrue(production.ofKind("ScheduledBackup").stream().anyMatch(backup ->
                backup.path("spec").path("cluster").path("name").asText().equals("tenantgate-postgres")
                        && backup.path("spec").path("method").asText().equals("plugin")
                        && backup.path("spec").path("pluginConfiguration").path("name").asText().equals(BARMAN_CLOUD)),
                "a daily ScheduledBackup of the Cluster through the plugin");
    }

    /** The plugin's own metric: CloudNativePG's cnpg_collector_last_available_backup_timestamp is not set for plugin backups. */
    @Test
    void aStaleBackupRaisesAnAlert() {
        List<String> expressions = production.get("PrometheusRule", "tenantgate-alerts").path("spec").path("groups")
                .findValuesAsText("expr");
        assertTrue(expressions.stream().anyMatch(expr -> expr.contains("barman_cloud_cloudnative_pg_io_last_available_backup_timestamp")),
                expressions.toString());
        assertFalse(expressions.stream().anyMatch(expr -> expr.contains("cnpg_collector_last_available_backup_timestamp")));
    }

    /** Production screens against today's lists, fetched from the agencies themselves. */
    @Test
    void listsAreDownloadedFromTheOfficialSources() {
        ServiceConfiguration screening = ServiceConfiguration.of(production, "screening-service");
        assertEquals("true", screening.get("tenantgate.screening.downloads.enabled", "false"));
        assertTrue(screening.get("tenantgate.screening.downloads.feeds.csl.file", "").startsWith("https://data.trade.gov/"));
        assertTrue(screening.get("tenantgate.screening.downloads.feeds.sdn.sdn", "").startsWith("https://www.treasury.gov/"));
    }

    /** A report that cannot be filed must not queue unseen: reporting-service refuses to start without a filing URL. */
    @Test
    void filingIsRequired() {
        assertEquals("true", ServiceConfiguration.of(production, "reporting-service")
                .get("tenantgate.reports.filing.required", "false"));
    }

    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    private static long retentionDays(String policy) {
        long amount = Long.parseLong(policy.substring(0, policy.length() - 1));
        return switch (policy.charAt(policy.length() - 1)) {
            case 'd' -> amount;
            case 'w' -> amount * 7;
            case 'm' -> amount * 30;
            default -> throw new AssertionError("retention " + policy);
        };
    }

    /**
     * Production imports the realm without the local conveniences: no public client, no password grant, no
     * demo user; people sign in through the browser with a password policy, an OTP they must set up, lockout
     * after repeated failures and short sessions. The local realm keeps its password-grant client.
     */
    @Test
    void productionRealmDropsTheLocalConveniences() throws java.io.IOException {
        JsonNode realm = production.ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("publicClient").asBoolean(), id + " is public");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + " allows the password grant");
            assertFalse(client.path("fullScopeAllowed").asBoolean(true), id + " has the full scope");
        }
        JsonNode staff = client(realm, RealmImportRenderer.STAFF_CLIENT);
        assertTrue(staff.path("standardFlowEnabled").asBoolean());
        assertEquals("S256", staff.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(realm.path("users").findValues("credentials").isEmpty(), "no user with a password");
        assertTrue(realm.path("passwordPolicy").asText().contains("length(14)"), realm.path("passwordPolicy").asText());
        assertTrue(realm.path("requiredActions").findParents("alias").stream().anyMatch(action ->
                action.path("alias").asText().equals("CONFIGURE_TOTP") && action.path("defaultAction").asBoolean()),
                "every person sets up OTP");
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertTrue(realm.path("ssoSessionIdleTimeout").asInt() <= 1800);
        assertTrue(realm.path("accessTokenLifespan").asInt() <= 300);

        JsonNode local = new com.fasterxml.jackson.databind.ObjectMapper().readTree(K8sModule.realmSource().toFile());
        JsonNode cli = client(local, RealmImportRenderer.LOCAL_PEOPLE_CLIENT);
        assertTrue(cli.path("publicClient").asBoolean() && cli.path("directAccessGrantsEnabled").asBoolean(),
                "the local realm keeps its password-grant client for the demo users");
    }

    /** The admin console and the master realm are on their own hostname, which no public Ingress routes. */
    @Test
    void keycloakAdminConsoleIsNotOnThePublicIngress() {
        JsonNode keycloak = production.get("Keycloak", RealmImportRenderer.KEYCLOAK_CR_NAME).path("spec");
        assertFalse(keycloak.path("ingress").path("enabled").asBoolean(true), "the operator's Ingress routes every path");
        String admin = java.net.URI.create(keycloak.path("hostname").path("admin").asText()).getHost();
        String publicHost = java.net.URI.create(keycloak.path("hostname").path("hostname").asText()).getHost();
        assertTrue(admin != null && !admin.equals(publicHost), "an admin hostname of its own");
        for (ObjectNode ingress : production.ofKind("Ingress")) {
            boolean publicClass = ingress.path("spec").path("ingressClassName").asText().equals("nginx");
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                String host = rule.path("host").asText();
                if (publicClass) {
                    assertFalse(host.equals(admin), Manifests.describe(ingress) + " routes the admin hostname publicly");
                }
                if (publicClass && host.equals(publicHost)) {
                    for (String path : rule.findValuesAsText("path")) {
                        assertTrue(path.equals("/realms/tenantgate/") || path.equals("/resources/"),
                                Manifests.describe(ingress) + " exposes " + path);
                    }
                }
            }
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
