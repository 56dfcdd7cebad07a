package io.tenantgate.screening.lists;

import io.agroal.api.AgroalDataSource;
import io.tenantgate.screening.engine.model.Entry;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the recorded list changes (one per imported version) and the entries of the active versions. */
@ApplicationScoped
public class ListChanges {

    private final AgroalDataSource dataSource;

    public ListChanges(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest change id, 0 when no list was ever imported. */
    public long latestId() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select coalesce(max(id), 0) from list_change");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read list changes: " + e.getMessage(), e);
        }
    }

    /** Changes after the given id, oldest first. */
    public List<ListChange> after(long changeId) {
        return select("c.id > ?", changeId, Integer.MAX_VALUE);
    }

    /** At most {@code limit} changes after the given id and up to {@code upTo} included, oldest first. */
    public List<ListChange> between(long afterId, long upTo, int limit) {
        return select("c.id > ? and c.id <= " + upTo, afterId, limit);
    }

    private List<ListChange> select(String condition, long changeId, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select c.id, v.source, v.version, v.checksum, v.entry_count, v.origin, v.imported_at,
                            c.added_keys, c.changed_keys, c.removed_keys
                     from list_change c join list_version v on v.id = c.version_id
                     where """ + " " + condition + " order by c.id limit " + limit)) {
            select.setLong(1, changeId);
            List<ListChange> changes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ListChange.Version version = new ListChange.Version(row.getString(2), row.getLong(3),
                            row.getString(4), row.getInt(5), row.getString(6),
                            row.getObject(7, java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
                    changes.add(new ListChange(row.getLong(1), version, keys(row, 8), keys(row, 9), keys(row, 10)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read list changes: " + e.getMessage(), e);
        }
    }

    /** The change with this id, if there is one. */
    public java.util.Optional<ListChange> byId(long changeId) {
        return select("c.id = ?", changeId, 1).stream().findFirst();
    }

    /** The entries of the active version of each source, as stored, by source. */
    public Map<String, List<Entry>> activeEntries() {
        return activeEntries("", null);
    }

    /** The entries of the source's active version, as stored; empty when it has none. */
    public List<Entry> activeEntries(String source) {
        return activeEntries("and v.source = ?", source).getOrDefault(source, List.of());
    }

    private Map<String, List<Entry>> activeEntries(String condition, String source) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select v.source, e.body::text from list_entry e join list_version v on v.id = e.version_id
                     where v.active %s order by v.source, e.entry_key""".formatted(condition))) {
            if (source != null) {
                select.setString(1, source);
            }
            select.setFetchSize(2000);
            Map<String, List<Entry>> entries = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.computeIfAbsent(row.getString(1), s -> new ArrayList<>()).add(EntryCodec.fromJson(row.getString(2)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read list entries: " + e.getMessage(), e);
        }
    }

    private static List<String> keys(ResultSet row, int column) throws SQLException {
        return Arrays.asList((String[]) row.getArray(column).getArray());
    }

    /** A new list version and what it added, changed and removed. */
    public record ListChange(long id, Version version, List<String> added, List<String> changed, List<String> removed) {
        public record Version(String source, long number, String checksum, int entryCount, String origin,
                              java.time.OffsetDateTime importedAt) {
        }
    }
}
