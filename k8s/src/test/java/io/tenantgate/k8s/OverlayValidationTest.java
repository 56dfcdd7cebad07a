package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tenantgate.k8s.check.Check;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;
import io.tenantgate.k8s.render.Manifests;

/** Every overlay renders, and its rendering passes every check (schemas and policies). */
class OverlayValidationTest {

    static final List<String> OVERLAYS = List.of("dev", "production", "example");

    static Stream<Arguments> overlaysAndChecks() {
        return OVERLAYS.stream().flatMap(overlay -> Check.all().stream()
                .map(check -> Arguments.of(overlay, check.getClass().getSimpleName(), check)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndChecks")
    void overlayPassesCheck(String overlay, String checkName, Check check) {
        List<String> violations = check.violations(Kustomize.renderCached(K8sModule.overlay(overlay)));

        assertEquals(List.of(), violations, overlay + " breaks " + checkName);
    }

    /** {@code kubectl delete -k} deletes what the overlay renders: a Namespace there takes every database volume with it. */
    @ParameterizedTest
    @MethodSource("overlays")
    void noOverlayOwnsTheNamespace(String overlay) {
        assertEquals(List.of(), Kustomize.renderCached(K8sModule.overlay(overlay)).ofKind("Namespace"), overlay);
    }

    /** Hostnames are the provider's: the base names none, each overlay sets its own. */
    @Test
    void baseNamesNoHostname() {
        Manifests base = Kustomize.renderCached(K8sModule.dir().resolve("base"));
        for (ObjectNode ingress : base.ofKind("Ingress")) {
            assertEquals(List.of(), ingress.findValuesAsText("host"), Manifests.describe(ingress));
            assertEquals(List.of(), ingress.findValues("hosts"), Manifests.describe(ingress));
        }
    }

    static Stream<String> overlays() {
        return OVERLAYS.stream();
    }
}
