-- List changes this service has taken in from screening-service (every replica records the same change
-- once), with the entries whose content changed: a false positive cleared against such an entry no longer
-- counts as cleared.
create table list_change_seen (
    change_id     bigint       primary key,
    changed_keys  text[]       not null,
    seen_at       timestamptz  not null default now()
);

-- One re-screening per active case and list change. Replicas claim tasks with SKIP LOCKED, so no case is
-- re-screened twice for one change.
create table rescreen_task (
    change_id  bigint       not null references list_change_seen (change_id),
    case_id    uuid         not null references customer_case (id),
    done_at    timestamptz,
    primary key (change_id, case_id)
);

create index rescreen_task_pending on rescreen_task (change_id) where done_at is null;
