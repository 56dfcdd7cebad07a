package io.tenantgate.k8s.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.Manifests;
import io.tenantgate.k8s.render.Manifests.Workload;

/**
 * A TenantGate service stops without cutting requests and cannot be killed for memory it was promised:
 * <ul>
 * <li>a preStop pause, so that endpoints drop the pod before it stops taking requests;</li>
 * <li>Quarkus's graceful shutdown ({@code quarkus.shutdown.timeout}) lets running requests finish;</li>
 * <li>the grace period covers both, with time to spare, before the kubelet kills the process;</li>
 * <li>memory requested equals its limit (no overcommit to be reclaimed), and the heap
 * ({@code JAVA_MAX_MEM_RATIO} of the UBI OpenJDK image, 80 % by default) leaves at least 40 % of the limit to
 * metaspace, threads, direct buffers and the index being rebuilt.</li>
 * </ul>
 */
final class ShutdownAndMemoryCheck implements Check {

    static final int MAX_HEAP_PERCENT = 60;
    private static final Duration SPARE = Duration.ofSeconds(5);

    @Override
    public List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.podSpec().path("containers")) {
                Map<String, String> environment = ContainerEnvironment.of(container, manifests);
                ServiceConfiguration.of(container.path("name").asText(), environment).ifPresent(config ->
                        check(workload, container, config, environment, violations));
            }
        }
        return violations;
    }

    private static void check(Workload workload, JsonNode container, ServiceConfiguration config,
                              Map<String, String> environment, List<String> violations) {
        String where = workload.owner() + " container " + container.path("name").asText();
        Optional<Duration> pause = preStopPause(container);
        if (pause.isEmpty()) {
            violations.add(where + ": no preStop pause (endpoints still send requests while it stops)");
        }
        String timeout = config.get("quarkus.shutdown.timeout", null);
        if (timeout == null) {
            violations.add(where + ": no quarkus.shutdown.timeout (running requests are cut at SIGTERM)");
        }
        Duration needed = pause.orElse(Duration.ZERO).plus(timeout == null ? Duration.ZERO : duration(timeout)).plus(SPARE);
        long grace = workload.podSpec().path("terminationGracePeriodSeconds").asLong(30);
        if (grace < needed.toSeconds()) {
            violations.add(where + ": terminationGracePeriodSeconds " + grace + " is shorter than the preStop pause, "
                    + "the shutdown timeout and " + SPARE.toSeconds() + " s (" + needed.toSeconds() + " s)");
        }
        JsonNode resources = container.path("resources");
        String requested = resources.path("requests").path("memory").asText();
        String limit = resources.path("limits").path("memory").asText();
        if (!requested.equals(limit)) {
            violations.add(where + ": memory request " + requested + " differs from its limit " + limit);
        }
        String ratio = environment.get("JAVA_MAX_MEM_RATIO");
        if (ratio == null || Integer.parseInt(ratio) > MAX_HEAP_PERCENT) {
            violations.add(where + ": JAVA_MAX_MEM_RATIO is " + (ratio == null ? "unset (80)" : ratio)
                    + ", more than " + MAX_HEAP_PERCENT + " % of the memory limit for the heap");
        }
    }

    /** The pause of a {@code preStop} hook: the sleep action, or an exec of {@code sleep N}. */
    private static Optional<Duration> preStopPause(JsonNode container) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        if (preStop.path("sleep").has("seconds")) {
            return Optional.of(Duration.ofSeconds(preStop.path("sleep").path("seconds").asLong()));
        }
        JsonNode command = preStop.path("exec").path("command");
        if (command.size() == 2 && command.get(0).asText().endsWith("sleep")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(command.get(1).asText())));
        }
        return Optional.empty();
    }

    /** A Quarkus duration: {@code 20s}, {@code 1m}, {@code PT20S} or a number of seconds. */
    static Duration duration(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        if (text.startsWith("P")) {
            return Duration.parse(text);
        }
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        return Duration.parse(text.endsWith("D") ? "P" + text : "PT" + text);
    }
}
