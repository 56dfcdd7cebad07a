-- A delivery is retried until retry_until, set when it is queued and again when it is replayed, so a replayed
-- delivery gets its own time to get through instead of being dead-lettered at its first failure.
alter table webhook_delivery add column retry_until timestamptz;
update webhook_delivery set retry_until = created_at + interval '24 hours';
alter table webhook_delivery alter column retry_until set not null;
