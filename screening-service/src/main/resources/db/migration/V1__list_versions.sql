-- One row per imported version of a list source (EL, SDN, ...). Exactly one version per source is active.
create table list_version (
    id          bigserial primary key,
    source      varchar(32)  not null,
    version     bigint       not null,
    checksum    varchar(64)  not null,
    entry_count integer      not null check (entry_count >= 0),
    origin      text         not null,
    imported_at timestamptz  not null,
    active      boolean      not null default false,
    unique (source, version),
    unique (source, checksum)
);

create unique index list_version_one_active_per_source on list_version (source) where active;
