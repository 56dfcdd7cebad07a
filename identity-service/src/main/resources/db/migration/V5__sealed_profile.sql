-- Account ids get their own table: the profile they were looked up in is now sealed (AES-GCM).
create table customer_account (
    account_id  varchar(128) not null,
    case_id     uuid         not null references customer_case (id),
    primary key (account_id, case_id)
);

insert into customer_account (account_id, case_id)
select distinct account_id, id from customer_case, jsonb_array_elements_text(profile -> 'accountIds') as account_id;

-- The profile becomes sealed text. Existing rows keep their plain JSON until the re-sealing job seals them.
-- It is null once the retention job has erased the personal data of a closed account.
alter table customer_case alter column profile type text using profile::text;
alter table customer_case alter column profile drop not null;
alter table customer_case add column erased_at timestamptz;
