-- Webhook subscriptions of the provider's integration clients, and a delivery outbox: one row per event and
-- subscription, written in the transaction of the change it reports, delivered in order per customer, with
-- every attempt logged. Signing secrets are sealed (AES-256-GCM, context webhook_subscription.secret).

create table webhook_subscription (
    id uuid primary key,
    owner_client varchar(255) not null,
    url varchar(2048) not null,
    event_types text[] not null,
    secret text not null,
    previous_secret text,
    previous_secret_until timestamptz,
    created_at timestamptz not null,
    deleted_at timestamptz
);
create index webhook_subscription_owner on webhook_subscription (owner_client) where deleted_at is null;

create table webhook_delivery (
    id bigserial primary key,
    subscription_id uuid not null references webhook_subscription (id),
    event_id uuid not null,
    customer_id uuid not null,
    type varchar(64) not null,
    payload text not null,
    created_at timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts integer not null default 0,
    last_status integer,
    last_error text,
    last_latency_ms bigint,
    delivered_at timestamptz,
    dead_at timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and dead_at is null;
create index webhook_delivery_order on webhook_delivery (subscription_id, customer_id, id)
    where delivered_at is null and dead_at is null;
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at);

create table webhook_attempt (
    id bigserial primary key,
    delivery_id bigint not null references webhook_delivery (id),
    attempted_at timestamptz not null,
    status integer,
    latency_ms bigint not null,
    error text
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
