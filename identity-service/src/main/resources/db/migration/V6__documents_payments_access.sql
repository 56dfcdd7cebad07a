-- Identity documents of a case. The number and MRZ are sealed (AES-GCM); the last digits and a keyed
-- fingerprint (HMAC) are kept beside them to show and to find the same document on another customer.
create table identity_document (
    id                  uuid         primary key,
    case_id             uuid         not null references customer_case (id),
    type                varchar(32)  not null,
    number              text,
    mrz                 text,
    last_digits         varchar(4)   not null,
    fingerprint         varchar(64)  not null,
    fingerprint_key_id  varchar(64)  not null,
    issuing_country     varchar(2)    not null,
    expiry              date,
    checks              jsonb        not null,
    added_by            varchar(128) not null,
    added_at            timestamptz  not null,
    unique (case_id, fingerprint)
);

create index identity_document_fingerprint on identity_document (fingerprint);

-- Means and source of payment of an account, with the same sealing as documents. An invoice has no
-- number and so no fingerprint.
create table payment_instrument (
    id                   uuid         primary key,
    case_id              uuid         not null references customer_case (id),
    account_id           varchar(128),
    type                 varchar(32)  not null,
    identifier           text,
    last_digits          varchar(4),
    fingerprint          varchar(64),
    fingerprint_key_id   varchar(64),
    issuing_country      varchar(2),
    source_of_funds      varchar(300) not null,
    provider_references  jsonb        not null,
    checks               jsonb        not null,
    added_by             varchar(128) not null,
    added_at             timestamptz  not null,
    unique (case_id, fingerprint)
);

create index payment_instrument_fingerprint on payment_instrument (fingerprint);

-- Access log of an account: the IP address and time of each access or administrative action. Appended in
-- batches, never updated; a repeated event (same case, time, address and action) is stored once.
create table access_event (
    id           bigserial    primary key,
    case_id      uuid         not null references customer_case (id),
    at           timestamptz  not null,
    ip           varchar(45)  not null,
    action       varchar(64)  not null,
    country      varchar(2),
    received_at  timestamptz  not null,
    unique (case_id, at, ip, action)
);
