package io.tenantgate.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL (zonky's real PostgreSQL binaries from Maven Central). Its data is kept in
 * {@code <home>/postgres} between runs; each service gets a database of its own.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, ProcessHandle postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    static EmbeddedDatabase start(SuiteSettings settings) {
        Path log = settings.logs().resolve("postgres.log");
        try {
            Files.createDirectories(settings.logs());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.home().resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(settings.postgresPort())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, postmaster(settings.home().resolve("postgres")));
            for (Service service : Service.values()) {
                database.createIfMissing(service.database());
            }
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (see " + log + "): " + e.getMessage(), e);
        }
    }

    long pid() {
        return postmaster.pid();
    }

    /** The server process, as PostgreSQL itself records it: the first line of postmaster.pid. */
    private static ProcessHandle postmaster(Path dataDirectory) throws IOException {
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
        return ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IOException("PostgreSQL process " + pid + " is not running"));
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    private void createIfMissing(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery(); Statement create = c.createStatement()) {
                if (!rs.next()) {
                    // Names come from the Service enum, never from input.
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops PostgreSQL; if the postmaster outlives a clean shutdown, it is killed by its process id. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        if (postmaster.isAlive()) {
            postmaster.destroyForcibly();
            postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
