-- Compliance events received from identity-service's outbox. event_id is the idempotency key:
-- a redelivered event is recognised and never stored twice.
create table compliance_event (
    event_id         uuid         primary key,
    customer_id      varchar(64)  not null,
    sequence         bigint       not null,
    type             varchar(32)  not null,
    occurred_at      timestamptz  not null,
    outcome          varchar(64),
    reasons          text         not null default '',
    customer_country varchar(2),
    foreign_person   boolean      not null,
    actor            varchar(128) not null,
    recorded_at      timestamptz  not null default now()
);

create index compliance_event_customer on compliance_event (customer_id, sequence);
create index compliance_event_recorded on compliance_event (recorded_at);
