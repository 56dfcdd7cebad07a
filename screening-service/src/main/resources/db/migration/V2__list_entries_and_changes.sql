-- The entries of each list version, as the engine's model serialised to JSON. A version keeps its own
-- copy, so any version can be reloaded or compared; content_hash makes deltas cheap.
create table list_entry (
    version_id   bigint       not null references list_version (id) on delete cascade,
    entry_key    varchar(160) not null,
    content_hash varchar(64)  not null,
    body         jsonb        not null,
    primary key (version_id, entry_key)
);

-- One row per imported version: what it added, changed and removed against the version it replaced.
-- Its id orders the changes for WatchListChanges and tells replicas that a new index is due.
create table list_change (
    id           bigserial    primary key,
    version_id   bigint       not null unique references list_version (id),
    added_keys   text[]       not null,
    changed_keys text[]       not null,
    removed_keys text[]       not null,
    created_at   timestamptz  not null default now()
);
