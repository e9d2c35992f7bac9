-- Collection agency placements: proposed by LeaseBridge, approved or rejected by a manager in Salesforce, sent to the
-- agency in its placement file, and called back in a recall file. A lease has at most one placement holding it
-- (PROPOSED, APPROVED or SENT); the eligibility rules see to that, the number in the id tells them apart.
create table agency_placement (
    placement_id   varchar(80)    primary key,
    lease_id       varchar(64)    not null,
    status         varchar(20)    not null,
    agency         varchar(80),
    days_past_due  integer        not null,
    placed_balance numeric(14, 2) not null,
    proposed_on    date           not null,
    decided_at     timestamp with time zone,
    placement_file varchar(255),
    sent_on        date,
    recall_reason  varchar(255),
    recalled_on    date,
    recall_file    varchar(255),
    updated_at     timestamp with time zone not null
);
create index agency_placement_lease on agency_placement (lease_id);
create index agency_placement_status on agency_placement (status, agency);

-- The files sent to agencies. A file is written once, with its rows, and its placements point at it; it is then
-- delivered by its name (SENDING before the endpoint is called), so a resend after a crash is the same file.
create table agency_file (
    file_name     varchar(255) primary key,
    agency        varchar(80)  not null,
    kind          varchar(20)  not null,
    written_on    date         not null,
    body          varchar      not null,
    row_count     integer      not null,
    status        varchar(20)  not null,
    created_at    timestamp with time zone not null,
    sent_at       timestamp with time zone,
    claimed_by    varchar(200),
    claimed_until timestamp with time zone
);
create index agency_file_pending on agency_file (status, created_at);
create index agency_file_day on agency_file (agency, kind, written_on);
