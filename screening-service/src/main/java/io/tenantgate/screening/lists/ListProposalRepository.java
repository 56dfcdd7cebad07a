package io.tenantgate.screening.lists;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** All SQL of list proposals. Each method is one statement or one transaction of its own. */
@ApplicationScoped
public class ListProposalRepository {

    private static final String COLUMNS = "id, feed, checksum, entry_count, origin, proposed_by, proposed_at, status, "
            + "decided_by, decided_at, list_version";

    private final AgroalDataSource dataSource;

    public ListProposalRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a pending proposal with its files, all or nothing. */
    public void insert(ListProposal proposal, Map<String, byte[]> parts) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into list_proposal (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, null, null, null)");
                 PreparedStatement part = connection.prepareStatement(
                         "insert into list_proposal_part (proposal_id, name, content) values (?, ?, ?)")) {
                insert.setObject(1, proposal.id());
                insert.setString(2, proposal.feed().name());
                insert.setString(3, proposal.checksum());
                insert.setInt(4, proposal.entryCount());
                insert.setString(5, proposal.origin());
                insert.setString(6, proposal.proposedBy());
                insert.setObject(7, proposal.proposedAt());
                insert.setString(8, ListProposal.Status.PENDING.name());
                insert.executeUpdate();
                for (Map.Entry<String, byte[]> file : parts.entrySet()) {
                    part.setObject(1, proposal.id());
                    part.setString(2, file.getKey());
                    part.setBytes(3, file.getValue());
                    part.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the list proposal", e);
        }
    }

    public Optional<ListProposal> find(UUID id) {
        List<ListProposal> found = query("select " + COLUMNS + " from list_proposal where id = ?", id);
        return found.stream().findFirst();
    }

    /** Proposals of one status, oldest first. */
    public List<ListProposal> withStatus(ListProposal.Status status, int limit) {
        return query("select " + COLUMNS + " from list_proposal where status = ? order by proposed_at limit ?",
                status.name(), limit);
    }

    public Map<String, byte[]> parts(UUID id) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select name, content from list_proposal_part where proposal_id = ? order by name")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.put(rows.getString(1), rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the list proposal's files", e);
        }
        return parts;
    }

    /**
     * Records the decision on a pending proposal and drops its files (the imported version holds the entries).
     * False when it was no longer pending: someone decided first.
     */
    public boolean decide(UUID id, ListProposal.Status decision, String by, OffsetDateTime at, Long listVersionId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("update list_proposal set status = ?, "
                    + "decided_by = ?, decided_at = ?, list_version = ? where id = ? and status = 'PENDING'");
                 PreparedStatement drop = connection.prepareStatement("delete from list_proposal_part where proposal_id = ?")) {
                update.setString(1, decision.name());
                update.setString(2, by);
                update.setObject(3, at);
                update.setObject(4, listVersionId);
                update.setObject(5, id);
                if (update.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
                drop.setObject(1, id);
                drop.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the decision on the list proposal", e);
        }
    }

    private List<ListProposal> query(String sql, Object... parameters) {
        List<ListProposal> proposals = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    proposals.add(new ListProposal(rows.getObject("id", UUID.class),
                            ListFeed.valueOf(rows.getString("feed")), rows.getString("checksum"),
                            rows.getInt("entry_count"), rows.getString("origin"), rows.getString("proposed_by"),
                            rows.getObject("proposed_at", OffsetDateTime.class),
                            ListProposal.Status.valueOf(rows.getString("status")), rows.getString("decided_by"),
                            rows.getObject("decided_at", OffsetDateTime.class),
                            (Long) rows.getObject("list_version")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read list proposals", e);
        }
        return proposals;
    }
}
