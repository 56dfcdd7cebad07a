package io.tenantgate.identity.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One access or administrative action on an account. Written in bulk by {@link AccessLogService}; never changed. */
@Entity
@Immutable
@Table(name = "access_event")
public class AccessEvent {

    @Id
    public long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false, length = 45)
    public String ip;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(length = 2)
    public String country;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
