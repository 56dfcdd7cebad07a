-- Retention: the content of a report (the customer's personal data) is erased once its retention period has
-- passed; the hash, the signature and the audit chain stay, so what was filed can still be proven.
alter table report alter column content drop not null;
alter table report add column content_erased_at timestamptz;
