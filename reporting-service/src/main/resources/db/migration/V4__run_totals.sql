-- Detection totals per training run, shared by every replica. A batch of usage updates its runs' rows in the
-- transaction that stores the usage, under each row's lock, so whichever replica receives a record adds it to
-- the run's true total, and the replica whose update makes a condition hold is the one that records it
-- (reported lists the conditions already recorded in run_detection).
create table run_total (
    account_id             varchar(128)     not null,
    run_id                 varchar(128)     not null,
    operations             double precision not null,
    biological             boolean          not null,
    first_start            timestamptz      not null,
    last_end               timestamptz      not null,
    clusters               text[]           not null,
    on_qualifying_cluster  boolean          not null,
    reported               text[]           not null default '{}',
    primary key (account_id, run_id)
);

-- Totals of the usage stored so far. Whether a run used a cluster meeting the cluster condition depends on
-- settings a migration cannot read: a run already reported for it keeps that, the others start without.
insert into run_total (account_id, run_id, operations, biological, first_start, last_end, clusters,
                       on_qualifying_cluster, reported)
select u.account_id, u.run_id, sum(u.operations), bool_or(u.biological), min(u.started_at), max(u.ended_at),
       array_agg(distinct u.cluster_id order by u.cluster_id),
       exists (select 1 from run_detection d
               where d.account_id = u.account_id and d.run_id = u.run_id and d.trigger = 'CLUSTER_CONDITION'),
       coalesce((select array_agg(d.trigger order by d.trigger) from run_detection d
                 where d.account_id = u.account_id and d.run_id = u.run_id), '{}')
from usage_record u
group by u.account_id, u.run_id;
