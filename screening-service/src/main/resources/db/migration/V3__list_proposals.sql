-- An uploaded list file waits here until a second person approves it (four eyes): only then is it imported
-- and screened against. Its files are kept until the decision; the row stays as the record of who did what.
create table list_proposal (
    id           uuid         primary key,
    feed         varchar(32)  not null,
    checksum     varchar(64)  not null,
    entry_count  integer      not null check (entry_count > 0),
    origin       text         not null,
    proposed_by  text         not null,
    proposed_at  timestamptz  not null,
    status       varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by   text,
    decided_at   timestamptz,
    list_version bigint       references list_version (id),
    check ((status = 'PENDING') = (decided_by is null))
);

create index list_proposal_pending on list_proposal (proposed_at) where status = 'PENDING';

create table list_proposal_part (
    proposal_id uuid        not null references list_proposal (id) on delete cascade,
    name        varchar(32) not null,
    content     bytea       not null,
    primary key (proposal_id, name)
);
