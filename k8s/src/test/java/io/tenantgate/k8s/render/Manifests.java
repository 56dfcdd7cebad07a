package io.tenantgate.k8s.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The objects of one rendering, with the look-ups the checks share. */
public record Manifests(List<ObjectNode> objects) {

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    public List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(nameOf(object))).findFirst();
    }

    public ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the rendering"));
    }

    /** Pod templates written in this repository (Deployments, StatefulSets, ...). */
    public List<Workload> workloads() {
        return objects.stream()
                .filter(object -> WORKLOAD_KINDS.contains(object.path("kind").asText()))
                .map(object -> new Workload(describe(object), (ObjectNode) object.path("spec").path("template")))
                .toList();
    }

    /** Every pod the rendering will run: its own workloads and the pods operators create for custom resources. */
    public List<PodLabels> pods() {
        List<PodLabels> pods = new ArrayList<>();
        workloads().forEach(workload -> pods.add(new PodLabels(workload.owner(), workload.podLabels())));
        OperatorPods.of(this).forEach(pod -> pods.add(new PodLabels(pod.owner(), pod.labels())));
        return pods;
    }

    public static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    public static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + nameOf(object);
    }

    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    /** A pod template and the object that owns it. */
    public record Workload(String owner, ObjectNode podTemplate) {

        public Map<String, String> podLabels() {
            return stringMap(podTemplate.path("metadata").path("labels"));
        }

        public JsonNode podSpec() {
            return podTemplate.path("spec");
        }

        public List<JsonNode> containers() {
            List<JsonNode> containers = new ArrayList<>();
            podSpec().path("initContainers").forEach(containers::add);
            podSpec().path("containers").forEach(containers::add);
            return containers;
        }
    }

    /** The labels a pod will carry, and what creates it. */
    public record PodLabels(String owner, Map<String, String> labels) {
    }
}
