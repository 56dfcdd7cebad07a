-- A run that became reportable owes a report within the deadline if the customer is a foreign person.
-- One obligation per run, opened from its first detection (the provider's knowledge); the customer's
-- person status is asked of identity-service, retried until it answers.
create table report_obligation (
    id                bigserial    primary key,
    account_id        varchar(128) not null,
    run_id            varchar(128) not null,
    knowledge_at      timestamptz  not null,
    due_at            timestamptz  not null,
    -- PENDING_IDENTITY, DUE, NOT_DUE
    status            varchar(24)  not null,
    -- the detections that made the run reportable, as JSON
    facts             text         not null,
    customer_id       varchar(64),
    customer_country  varchar(2),
    reason            text,
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null,
    last_error        text,
    escalation_level  integer      not null default 0,
    created_at        timestamptz  not null default now(),
    unique (account_id, run_id)
);

create index report_obligation_pending on report_obligation (next_attempt_at) where status = 'PENDING_IDENTITY';

create table report (
    id                 uuid         primary key,
    type               varchar(40)  not null,
    status             varchar(16)  not null,
    obligation_id      bigint       references report_obligation (id),
    amends             uuid         references report (id),
    customer_id        varchar(64),
    customer_country   varchar(2),
    period_start       date,
    period_end         date,
    -- canonical JSON (sorted keys); hashed and signed exactly as stored
    content            text         not null,
    content_hash       varchar(64)  not null,
    signature          text,
    key_id             varchar(64),
    created_at         timestamptz  not null,
    created_by         varchar(128) not null,
    submitted_at       timestamptz,
    submitted_by       varchar(128),
    filing_attempts    integer      not null default 0,
    next_filing_at     timestamptz,
    last_filing_error  text,
    acknowledgement_id varchar(256),
    rejection_reason   text,
    decided_at         timestamptz,
    version            bigint       not null default 0
);

create index report_listing on report (type, status, customer_country, period_start);
create index report_filing on report (next_filing_at) where status = 'SUBMITTED';
create unique index report_one_per_obligation on report (obligation_id) where amends is null;

-- Every action on reports and obligations, each row chained to the one before by its hash:
-- hash = SHA-256(previous hash + canonical row). Rows are only ever appended.
create table report_audit (
    seq            bigserial    primary key,
    report_id      uuid,
    obligation_id  bigint,
    action         varchar(32)  not null,
    actor          varchar(128) not null,
    at             timestamptz  not null,
    details        text         not null,
    prev_hash      varchar(64)  not null,
    hash           varchar(64)  not null
);

create index report_audit_report on report_audit (report_id, seq);

create function report_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'report_audit is append-only: % refused', tg_op;
end $$;

create trigger report_audit_append_only before update or delete on report_audit
    for each row execute function report_audit_append_only();

create trigger report_audit_no_truncate before truncate on report_audit
    for each statement execute function report_audit_append_only();
