package io.tenantgate.screening.lists;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.EntryMerger;
import io.tenantgate.screening.engine.parse.ListParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a list file as a new version of its feed. Atomic: the file is parsed whole before anything is
 * written, and the version, its entries, its delta and the switch of the active version commit together
 * (a bad file leaves the active version in place). Idempotent: content already imported for the feed
 * yields the existing version and no new one.
 */
@ApplicationScoped
public class ListImportService {

    private static final Logger LOG = Logger.getLogger(ListImportService.class);
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final ListVersionRepository versions;

    public ListImportService(AgroalDataSource dataSource, ListVersionRepository versions) {
        this.dataSource = dataSource;
        this.versions = versions;
    }

    public ImportResult importList(ListUpload upload) {
        String checksum = upload.checksum();
        LOG.infof("Importing %s list from %s (checksum %s)", upload.feed(), upload.origin(), checksum);
        List<Entry> entries = entries(upload);
        LOG.infof("Parsed %d %s entries; storing", entries.size(), upload.feed());
        ImportResult result = QuarkusTransaction.requiringNew().call(() -> store(upload, checksum, entries));
        if (result.created()) {
            LOG.infof("%s version %d active: %d added, %d changed, %d removed", upload.feed(), result.version().version,
                    result.added().size(), result.changed().size(), result.removed().size());
        } else {
            LOG.infof("%s content already imported as version %d; nothing changed", upload.feed(),
                    result.version().version);
        }
        return result;
    }

    /** The entries of an upload, or a problem naming the file and line that cannot be read. */
    public List<Entry> entries(ListUpload upload) {
        List<Entry> entries;
        try {
            // A file can describe one party in several rows (an OFAC entity on two CSL lists): one entry each.
            entries = EntryMerger.merge(upload.feed().parse(upload.parts()));
        } catch (ListParseException e) {
            throw ProblemException.invalid("invalid-list-file", "Invalid list file",
                    e.file() + " line " + e.line() + ": " + e.reason())
                    .withError(e.file(), "line " + e.line() + ": " + e.reason());
        }
        if (entries.isEmpty()) {
            throw ProblemException.invalidField(upload.feed().requiredParts().iterator().next(), "the file holds no entry");
        }
        return entries;
    }

    /** The version a feed's content was imported as before, if it was. */
    public java.util.Optional<ListVersion> imported(ListFeed feed, String checksum) {
        return QuarkusTransaction.requiringNew().call(() ->
                versions.find("source = ?1 and checksum = ?2", feed.name(), checksum).firstResultOptional());
    }

    private ImportResult store(ListUpload upload, String checksum, List<Entry> entries) throws SQLException {
        String feed = upload.feed().name();
        try (Connection connection = dataSource.getConnection()) {
            // One import at a time across all replicas: versions are numbered and activated in order.
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext('list-import'))")) {
                lock.execute();
            }
            ListVersion existing = versions.find("source = ?1 and checksum = ?2", feed, checksum).firstResult();
            if (existing != null) {
                return new ImportResult(existing, false, List.of(), List.of(), List.of());
            }
            ListVersion previous = versions.find("source = ?1 and active = true", feed).firstResult();
            ListVersion version = new ListVersion();
            version.source = feed;
            version.version = nextVersionNumber(feed);
            version.checksum = checksum;
            version.entryCount = entries.size();
            version.origin = upload.origin();
            version.importedAt = OffsetDateTime.now(ZoneOffset.UTC);
            version.active = false;
            versions.persistAndFlush(version);

            Map<String, String> newHashes = insertEntries(connection, version.id, entries);
            Map<String, String> oldHashes = previous == null ? Map.of() : hashes(connection, previous.id);
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            newHashes.forEach((key, hash) -> {
                String old = oldHashes.get(key);
                if (old == null) {
                    added.add(key);
                } else if (!old.equals(hash)) {
                    changed.add(key);
                }
            });
            List<String> removed = oldHashes.keySet().stream().filter(key -> !newHashes.containsKey(key)).sorted().toList();
            added.sort(null);
            changed.sort(null);
            insertChange(connection, version.id, added, changed, removed);

            if (previous != null) {
                previous.active = false;
                versions.flush();
            }
            version.active = true;
            versions.flush();
            return new ImportResult(version, true, added, changed, removed);
        }
    }

    private long nextVersionNumber(String feed) {
        return versions.find("source", feed).stream().mapToLong(v -> v.version).max().orElse(0) + 1;
    }

    private static Map<String, String> insertEntries(Connection connection, long versionId, List<Entry> entries)
            throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into list_entry (version_id, entry_key, content_hash, body) values (?, ?, ?, ?::jsonb)")) {
            int pending = 0;
            for (Entry entry : entries) {
                String json = EntryCodec.toJson(entry);
                String hash = EntryCodec.hash(json);
                hashes.put(entry.key(), hash);
                insert.setLong(1, versionId);
                insert.setString(2, entry.key());
                insert.setString(3, hash);
                insert.setString(4, json);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        return hashes;
    }

    private static Map<String, String> hashes(Connection connection, long versionId) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select entry_key, content_hash from list_entry where version_id = ?")) {
            select.setLong(1, versionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return hashes;
    }

    private static void insertChange(Connection connection, long versionId, List<String> added, List<String> changed,
                                     List<String> removed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into list_change (version_id, added_keys, changed_keys, removed_keys) values (?, ?, ?, ?)")) {
            insert.setLong(1, versionId);
            insert.setArray(2, textArray(connection, added));
            insert.setArray(3, textArray(connection, changed));
            insert.setArray(4, textArray(connection, removed));
            insert.executeUpdate();
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /** The version the upload resolved to, whether it was created now, and its delta. */
    public record ImportResult(ListVersion version, boolean created, List<String> added, List<String> changed,
                               List<String> removed) {
    }
}
