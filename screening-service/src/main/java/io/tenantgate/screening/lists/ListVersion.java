package io.tenantgate.screening.lists;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One imported version of a list source; the active one per source is what screening uses. */
@Entity
@Table(name = "list_version")
public class ListVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 32)
    public String source;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false, length = 64)
    public String checksum;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(nullable = false)
    public String origin;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;

    @Column(nullable = false)
    public boolean active;
}
