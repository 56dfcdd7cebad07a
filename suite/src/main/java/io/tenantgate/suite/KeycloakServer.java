package io.tenantgate.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak server, from its distribution on Maven Central, started in development mode with the
 * tenantgate realm imported into a file store of this suite's own. The suite clears the store when it starts,
 * so each run imports the one realm file afresh with its new client secrets; a Keycloak restarted within a run
 * keeps its realm, signing keys and secrets, as a production Keycloak on its database does.
 */
final class KeycloakServer {

    static final String REALM_RESOURCE = "/keycloak/tenantgate-realm.json";
    private static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + SuiteSettings.KEYCLOAK_VERSION + ":tar.gz";

    private KeycloakServer() {
    }

    /**
     * Starts Keycloak without waiting for it; the client secrets are handed over as environment variables, which the realm file
     * names as placeholders, so no secret is ever written to the repository.
     */
    static ManagedProcess start(SuiteSettings settings, Map<String, String> clientSecrets) {
        Path home = installation(settings);
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
                Files.copy(realm, imports.resolve("tenantgate-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not place the realm file: " + e.getMessage(), e);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + settings.keycloakPort(),
                "--http-management-port=" + settings.keycloakManagementPort(),
                "--health-enabled=true",
                "--db=dev-file",
                "--db-url=jdbc:h2:file:" + store(settings).resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--import-realm"));
        builder.environment().putAll(clientSecrets);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        return ManagedProcess.start("keycloak", builder, settings.logs().resolve("keycloak.log"));
    }

    /** Forgets the realm of an earlier run; the next start imports the realm file again. */
    static void clearStore(SuiteSettings settings) {
        Path store = store(settings);
        if (!Files.exists(store)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(store)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear Keycloak's store " + store + ": " + e.getMessage(), e);
        }
    }

    private static Path store(SuiteSettings settings) {
        return settings.home().resolve("keycloak");
    }

    /** The unpacked distribution in the cache folder; fetched through Maven and unpacked on first use. */
    private static Path installation(SuiteSettings settings) {
        Path home = settings.cache().resolve("keycloak-" + SuiteSettings.KEYCLOAK_VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path archive = settings.cache().resolve("keycloak-quarkus-dist-" + SuiteSettings.KEYCLOAK_VERSION + ".tar.gz");
        try {
            Files.createDirectories(settings.cache());
            if (!Files.exists(archive)) {
                run(settings, List.of(settings.repo().resolve("mvnw").toString(), "-B", "-q", "-N", "dependency:copy",
                        "-Dartifact=" + ARTIFACT, "-DoutputDirectory=" + settings.cache()), "fetching Keycloak");
            }
            Path unpacking = Files.createTempDirectory(settings.cache(), "unpacking-");
            run(settings, List.of("tar", "-xzf", archive.toString(), "-C", unpacking.toString()), "unpacking Keycloak");
            Files.move(unpacking.resolve("keycloak-" + SuiteSettings.KEYCLOAK_VERSION), home);
            Files.delete(unpacking);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("could not install Keycloak into " + home + ": " + e.getMessage(), e);
        }
    }

    private static void run(SuiteSettings settings, List<String> command, String what) throws IOException {
        Path log = settings.logs().resolve("keycloak-install.log");
        Files.createDirectories(settings.logs());
        Process process = new ProcessBuilder(command).directory(settings.repo().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(what + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
    }
}
