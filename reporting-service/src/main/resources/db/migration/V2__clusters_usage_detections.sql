-- The provider's clusters: what a run's accelerator-seconds are worth, and whether the cluster itself
-- meets the reporting condition.
create table cluster (
    id                         varchar(64)      primary key,
    data_centre                varchar(128)     not null,
    accelerator_type           varchar(64)      not null,
    accelerator_count          integer          not null check (accelerator_count > 0),
    peak_ops_per_accelerator   double precision not null check (peak_ops_per_accelerator > 0),
    interconnect_gbps          double precision not null check (interconnect_gbps >= 0),
    updated_at                 timestamptz      not null,
    version                    bigint           not null
);

-- Metered usage. record_id is the idempotency key: a record sent twice is stored and counted once.
create table usage_record (
    record_id            varchar(128)     primary key,
    account_id           varchar(128)     not null,
    run_id               varchar(128)     not null,
    cluster_id           varchar(64)      not null references cluster (id),
    accelerator_type     varchar(64),
    accelerator_count    integer          not null,
    started_at           timestamptz      not null,
    ended_at             timestamptz      not null,
    utilization          double precision not null,
    measured_operations  double precision not null,
    biological           boolean          not null,
    operations           double precision not null,
    received_at          timestamptz      not null default now()
);

create index usage_record_run on usage_record (account_id, run_id);

-- A run that became reportable, and why; one row per run and condition.
create table run_detection (
    id                  bigserial        primary key,
    account_id          varchar(128)     not null,
    run_id              varchar(128)     not null,
    trigger             varchar(32)      not null,
    detected_at         timestamptz      not null,
    operations          double precision not null,
    threshold           double precision not null,
    projected_crossing  timestamptz,
    biological          boolean          not null,
    run_start           timestamptz      not null,
    last_usage          timestamptz      not null,
    clusters            text[]           not null,
    unique (account_id, run_id, trigger)
);
