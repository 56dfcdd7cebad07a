-- The integration client (the token's azp) that opened each case: an onboarding client sees and changes only
-- its own cases, and only its own webhook subscriptions hear of them. Cases opened before this was kept have
-- none and stay visible to every onboarding client.
alter table customer_case add column opened_by_client varchar(255);
