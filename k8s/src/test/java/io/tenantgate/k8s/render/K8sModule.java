package io.tenantgate.k8s.render;

import java.nio.file.Path;

/** Where things are: the k8s module, its overlays and vendored schemas, and the repository around it. */
public final class K8sModule {

    private K8sModule() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("k8s.dir", "")).toAbsolutePath().normalize();
    }

    public static Path repositoryRoot() {
        return dir().getParent();
    }

    public static Path overlay(String name) {
        return dir().resolve("overlays").resolve(name);
    }

    public static Path vendor() {
        return dir().resolve("vendor");
    }

    public static Path readme() {
        return dir().resolve("README.md");
    }

    /** The realm file the local runner imports (the only source of the Kubernetes realm). */
    public static Path realmSource() {
        String configured = System.getProperty("realm.source");
        return configured != null ? Path.of(configured)
                : repositoryRoot().resolve("suite/src/main/resources/keycloak/tenantgate-realm.json");
    }
}
