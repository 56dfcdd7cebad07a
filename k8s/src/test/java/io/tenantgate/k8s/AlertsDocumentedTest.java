package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;
import io.tenantgate.k8s.render.Manifests;

/** Every alert k8s/README.md tells operators about is a rule Prometheus evaluates, and every rule is explained there. */
class AlertsDocumentedTest {

    private static final Pattern ALERT_ROW = Pattern.compile("(?m)^\\| `(Tenantgate[A-Za-z]+)` \\|");

    @Test
    void readmeAlertTableAndPrometheusRuleNameTheSameAlerts() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = ALERT_ROW.matcher(Files.readString(K8sModule.readme()));
        while (row.find()) {
            documented.add(row.group(1));
        }
        Manifests production = Kustomize.renderCached(K8sModule.overlay("production"));
        Set<String> rules = new TreeSet<>(production.get("PrometheusRule", "tenantgate-alerts").path("spec")
                .path("groups").findValuesAsText("alert"));

        assertEquals(rules, documented);
    }
}
