package io.tenantgate.k8s.check;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.tenantgate.k8s.render.K8sModule;

/**
 * A TenantGate service's own configuration, as Quarkus resolves it: the container's environment over
 * the service's application.properties over the shared defaults in common's microprofile-config.properties.
 */
record ServiceConfiguration(String service, Properties properties, Map<String, String> environment) {

    private static final Path SHARED_DEFAULTS = Path.of("common/src/main/resources/META-INF/microprofile-config.properties");

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

    /** A property's value, the environment variable (QUARKUS_HTTP_PORT for quarkus.http.port) first. */
    String get(String property, String defaultValue) {
        String environmentName = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        if (environment.containsKey(environmentName)) {
            return environment.get(environmentName);
        }
        return properties.getProperty(property, defaultValue);
    }

    /** The names of the gRPC clients configured, in application.properties or the environment. */
    java.util.SortedSet<String> grpcClients() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        java.util.regex.Pattern property = java.util.regex.Pattern.compile("quarkus\\.grpc\\.clients\\.([a-z0-9-]+)\\.host");
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
        String root = "/" + strip(get("quarkus.http.non-application-root-path", "q"))
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
