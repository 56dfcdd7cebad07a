-- US person or foreign person, as the case was last assessed (the CIP applies to foreign persons).
alter table customer_case add column person_status varchar(32) not null default 'UNDETERMINED';
alter table customer_case alter column person_status drop default;
