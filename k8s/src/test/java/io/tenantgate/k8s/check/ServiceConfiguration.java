package io.tenantgate.k8s.check;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Manifests;

/**
 * A TenantGate service's own configuration, as Quarkus resolves it: the container's environment over
 * the service's application.properties over the shared defaults in common's microprofile-config.properties.
 */
public record ServiceConfiguration(String service, Properties properties, Map<String, String> environment) {

    /** {@code ${NAME}} or {@code ${NAME:default}} in a property value. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Path SHARED_DEFAULTS = Path.of("common/src/main/resources/META-INF/microprofile-config.properties");

    /** The configuration of a TenantGate service as the container of its Deployment in a rendering sets it. */
    public static ServiceConfiguration of(Manifests manifests, String service) {
        JsonNode container = manifests.get("Deployment", service).path("spec").path("template").path("spec")
                .path("containers").get(0);
        return of(service, ContainerEnvironment.of(container, manifests)).orElseThrow();
    }

    /** The configuration of the service a container runs, if the container runs a TenantGate service. */
    static Optional<ServiceConfiguration> of(String containerName, Map<String, String> environment) {
        Path applicationProperties = K8sModule.repositoryRoot()
                .resolve(containerName).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(applicationProperties)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        load(K8sModule.repositoryRoot().resolve(SHARED_DEFAULTS), properties);
        load(applicationProperties, properties);
        return Optional.of(new ServiceConfiguration(containerName, properties, environment));
    }

    /**
     * A property's value as Quarkus resolves it: the environment variable (QUARKUS_HTTP_PORT for
     * quarkus.http.port) first, then the property of the active profiles ({@code QUARKUS_PROFILE}, the last
     * one winning), then the plain property; {@code ${NAME}} and {@code ${NAME:default}} expanded.
     */
    public String get(String property, String defaultValue) {
        String environmentName = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        if (environment.containsKey(environmentName)) {
            return environment.get(environmentName);
        }
        List<String> profiles = new ArrayList<>(List.of(environment.getOrDefault("QUARKUS_PROFILE", "prod").split(",")));
        java.util.Collections.reverse(profiles);
        for (String profile : profiles) {
            String value = properties.getProperty("%" + profile.trim() + "." + property);
            if (value != null) {
                return expand(value);
            }
        }
        String value = properties.getProperty(property);
        return value == null ? defaultValue : expand(value);
    }

    /** Where a gRPC client connects: its host and port, or with Stork's DNS discovery the name it looks up. */
    URI grpcTarget(String client) {
        String prefix = "quarkus.grpc.clients." + client;
        String host = get(prefix + ".host", "localhost");
        if ("stork".equals(get(prefix + ".name-resolver", "dns"))) {
            String discovery = "quarkus.stork." + host + ".service-discovery.";
            return URI.create("grpc://" + get(discovery + "hostname", host) + ":" + get(discovery + "port", "0"));
        }
        return URI.create("grpc://" + host + ":" + get(prefix + ".port", "9000"));
    }

    private String expand(String value) {
        java.util.regex.Matcher reference = REFERENCE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            String replacement = environment.getOrDefault(reference.group(1),
                    reference.group(2) != null ? reference.group(2) : reference.group());
            reference.appendReplacement(expanded, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        return reference.appendTail(expanded).toString();
    }

    /** The names of the gRPC clients configured, in application.properties or the environment. */
    java.util.SortedSet<String> grpcClients() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        java.util.regex.Pattern property = java.util.regex.Pattern.compile("(?:%[a-z0-9-]+\\.)?quarkus\\.grpc\\.clients\\.([a-z0-9-]+)\\.host");
        java.util.regex.Pattern variable = java.util.regex.Pattern.compile("QUARKUS_GRPC_CLIENTS_([A-Z0-9]+)_HOST");
        properties.stringPropertyNames().stream().map(property::matcher).filter(java.util.regex.Matcher::matches)
                .forEach(m -> names.add(m.group(1)));
        environment.keySet().stream().map(variable::matcher).filter(java.util.regex.Matcher::matches)
                .forEach(m -> names.add(m.group(1).toLowerCase(java.util.Locale.ROOT)));
        return names;
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port", "8080"));
    }

    /** Where health and metrics are served: the management interface's port when it is on, else the HTTP port. */
    int healthPort() {
        return managementEnabled() ? Integer.parseInt(get("quarkus.management.port", "9000")) : httpPort();
    }

    boolean managementEnabled() {
        return Boolean.parseBoolean(get("quarkus.management.enabled", "false"));
    }

    String livenessPath() {
        return healthPath("quarkus.smallrye-health.liveness-path", "live");
    }

    String readinessPath() {
        return healthPath("quarkus.smallrye-health.readiness-path", "ready");
    }

    String startupPath() {
        return healthPath("quarkus.smallrye-health.startup-path", "started");
    }

    private String healthPath(String property, String defaultValue) {
        String root = "/" + strip(managementEnabled() ? get("quarkus.management.root-path", "q")
                        : get("quarkus.http.non-application-root-path", "q"))
                + "/" + strip(get("quarkus.smallrye-health.root-path", "health"));
        return root + "/" + strip(get(property, defaultValue));
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    private static void load(Path file, Properties into) {
        try (Reader reader = Files.newBufferedReader(file)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
