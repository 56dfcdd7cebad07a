package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tenantgate.k8s.check.Check;
import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;

/** Every overlay renders, and its rendering passes every check (schemas and policies). */
class OverlayValidationTest {

    static final List<String> OVERLAYS = List.of("dev", "production");

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
}
