-- Work a timer retries keeps its attempts, when it may be tried next (backoff with jitter; also the lease a
-- replica takes while it works on the item) and, once a failure is known to be permanent, why it was parked.
-- A parked item is never retried by itself: an operator reads it at /api/v1/parked and releases it.

alter table customer_case add column screening_attempts integer not null default 0;
alter table customer_case add column screening_next_attempt_at timestamptz;
alter table customer_case add column screening_parked_at timestamptz;
alter table customer_case add column screening_parked_reason text;
create index customer_case_waiting_for_screening on customer_case (screening_next_attempt_at, created_at)
    where decision = 'PENDING_SCREENING' and screening_parked_at is null;

alter table outbox_event add column attempts integer not null default 0;
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column parked_reason text;
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (id) where sent_at is null and parked_at is null;

alter table rescreen_chunk add column attempts integer not null default 0;
alter table rescreen_chunk add column next_attempt_at timestamptz;
alter table rescreen_chunk add column parked_at timestamptz;
alter table rescreen_chunk add column parked_reason text;
drop index rescreen_chunk_pending;
create index rescreen_chunk_pending on rescreen_chunk (change_id, chunk) where done_at is null and parked_at is null;
