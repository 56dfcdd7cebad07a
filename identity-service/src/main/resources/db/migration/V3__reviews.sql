-- Four eyes: an analyst's clearance of a high-risk case waits here for a supervisor's sign-off.
alter table customer_case add column review_proposal jsonb;
-- List entries cleared as false positives for this customer; they stay cleared until the customer's data
-- or the entry changes (re-screening compares the entry's content hash).
alter table customer_case add column cleared_entries jsonb not null default '[]';
