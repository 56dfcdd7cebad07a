package io.tenantgate.suite;

/** The three TenantGate services, each with its module, database and Keycloak client. */
public enum Service {
    SCREENING("screening-service", "screening"),
    IDENTITY("identity-service", "identity"),
    REPORTING("reporting-service", "reporting");

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    /** Maven module, Keycloak client id and service role all share this name. */
    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    /** The name callers give their gRPC client of this service ({@code quarkus.grpc.clients.<name>.*}). */
    public String grpcClient() {
        return database;
    }
}
