-- Four eyes on submission: a draft is approved by one person and submitted by another. The approval holds
-- for the content it was given on (its hash); a redraft that changes the content needs a new approval.
alter table report add column approved_by text;
alter table report add column approved_at timestamptz;
alter table report add column approved_content_hash text;
