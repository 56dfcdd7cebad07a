package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.check.ServiceConfiguration;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;
import io.tenantgate.k8s.render.Manifests;

/**
 * The example of a provider's own overlay replaces every placeholder of the production overlay, so an
 * overlay made like it cannot go live with example hostnames, an example registry or no backup bucket.
 */
class ExampleOverlayTest {

    private static final List<String> PLACEHOLDERS = List.of("tenantgate.example.com", "registry.example.com", "change-me");

    private final Manifests example = Kustomize.renderCached(K8sModule.overlay("example"));

    @Test
    void leavesNoPlaceholderOfTheProductionOverlay() {
        for (ObjectNode object : example.objects()) {
            String text = object.toString();
            for (String placeholder : PLACEHOLDERS) {
                assertFalse(text.contains(placeholder), Manifests.describe(object) + " still names " + placeholder);
            }
        }
    }

    @Test
    void setsTheFilingEndpointProductionRequires() {
        ServiceConfiguration reporting = ServiceConfiguration.of(example, "reporting-service");
        assertEquals("true", reporting.get("tenantgate.reports.filing.required", "false"));
        assertTrue(reporting.get("tenantgate.reports.filing.url", "").startsWith("https://"));
    }

    @Test
    void runsInItsOwnNamespaceWithItsPullSecret() {
        for (String service : Services.NAMES) {
            ObjectNode deployment = example.get("Deployment", service);
            assertEquals("compliance", deployment.path("metadata").path("namespace").asText());
            assertEquals("tenantgate-registry-pull", deployment.path("spec").path("template").path("spec")
                    .path("imagePullSecrets").path(0).path("name").asText(), service);
        }
    }
}
