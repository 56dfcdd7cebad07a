package io.tenantgate.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * Read-only queries on the suite's three databases, for reconciliations after faults and soaks: what each
 * service holds, not what its API chooses to show.
 */
public record SuiteDatabases(int postgresPort) {

    public SuiteDatabases(SuiteSettings settings) {
        this(settings.postgresPort());
    }

    /** The first column of the first row, as a whole number. */
    public long count(Service service, String sql) throws SQLException {
        return (long) number(service, sql);
    }

    /** The first column of the first row, as a number (0 for SQL null). */
    public double number(Service service, String sql) throws SQLException {
        try (Connection c = connect(service); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getDouble(1);
        }
    }

    /** The first column of the first row as text; null without a row. */
    public String text(Service service, String sql) throws SQLException {
        try (Connection c = connect(service); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** The first column of every row, as text. */
    public Set<String> strings(Service service, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Connection c = connect(service); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** A connection to the service's own database (the caller closes it). */
    public Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + service.database(),
                "postgres", "");
    }
}
