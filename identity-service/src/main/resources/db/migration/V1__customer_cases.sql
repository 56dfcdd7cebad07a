-- A customer case of the Customer Identification Program. The profile holds what the customer declared
-- (validated); decision and reasons are the service's verdict, versioned for optimistic locking.
create table customer_case (
    id               uuid         primary key,
    kind             varchar(16)  not null,
    legal_name       varchar(300) not null,
    profile          jsonb        not null,
    decision         varchar(32)  not null,
    reasons          jsonb        not null,
    risk_score       integer      not null check (risk_score between 0 and 100),
    screening        jsonb,
    idempotency_key  varchar(128) not null unique,
    request_hash     varchar(64)  not null,
    created_by       varchar(128) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    closed_at        timestamptz,
    version          bigint       not null
);

create index customer_case_decision on customer_case (decision, created_at);

-- Every change to a case: who, when, what, why. Never updated or deleted.
create table case_audit (
    id          bigserial    primary key,
    case_id     uuid         not null references customer_case (id),
    at          timestamptz  not null,
    actor       varchar(128) not null,
    action      varchar(64)  not null,
    detail      jsonb        not null
);

create index case_audit_case on case_audit (case_id, id);

-- Events for reporting-service, written in the same transaction as the change they report
-- (transactional outbox); a relay sends them in order per customer and marks them sent.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    customer_id  uuid         not null,
    sequence     bigint       not null,
    type         varchar(32)  not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null,
    sent_at      timestamptz,
    unique (customer_id, sequence)
);

create index outbox_event_unsent on outbox_event (id) where sent_at is null;
