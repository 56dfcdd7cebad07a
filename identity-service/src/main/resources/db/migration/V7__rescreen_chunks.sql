-- Re-screening against the delta only: keep each change's list version and every kind of key it touched.
alter table list_change_seen add column source varchar(32) not null default '';
alter table list_change_seen add column list_version bigint not null default 0;
alter table list_change_seen add column added_keys text[] not null default '{}';
alter table list_change_seen add column removed_keys text[] not null default '{}';

-- The cases of one change are re-screened in chunks, ranges of case ids fixed when the change is taken in
-- (from_id inclusive, to_id exclusive, null: to the end). Ranges do not overlap, so every case is in one
-- chunk; a replica claims a chunk with SKIP LOCKED and screens, decides and marks it done in one
-- transaction, so no case is re-screened twice for one change and a chunk of a replica that died is taken
-- up again. The counts say what the chunk found.
create table rescreen_chunk (
    change_id  bigint       not null references list_change_seen (change_id),
    chunk      integer      not null,
    from_id    uuid         not null,
    to_id      uuid,
    done_at    timestamptz,
    screened   integer,
    matched    integer,
    reopened   integer,
    primary key (change_id, chunk)
);

create index rescreen_chunk_pending on rescreen_chunk (change_id, chunk) where done_at is null;

-- Changes whose per-case tasks were still pending are re-screened whole, as one chunk.
insert into rescreen_chunk (change_id, chunk, from_id, to_id)
select distinct change_id, 0, '00000000-0000-0000-0000-000000000000'::uuid, null::uuid
from rescreen_task where done_at is null;

drop table rescreen_task;
