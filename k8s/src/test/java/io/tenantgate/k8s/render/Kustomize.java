package io.tenantgate.k8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Renders a kustomization with {@code kubectl kustomize} (offline, no cluster needed). */
public final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** Renders once per directory and test run; the result is shared by every test that asks. */
    public static Manifests renderCached(Path kustomizationDir) {
        return RENDERED.computeIfAbsent(kustomizationDir.toAbsolutePath().normalize(), Kustomize::render);
    }

    public static Manifests render(Path kustomizationDir) {
        try {
            Process process = new ProcessBuilder(kubectl(), "kustomize", kustomizationDir.toString())
                    .redirectErrorStream(false)
                    .start();
            byte[] stdout = process.getInputStream().readAllBytes();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " failed: " + stderr);
            }
            return new Manifests(parse(stdout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<ObjectNode> parse(byte[] multiDocumentYaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static String kubectl() {
        return System.getProperty("kubectl", "kubectl");
    }
}
