-- QuickBooks Online: the newest refresh token per company (AES-GCM encrypted), the outbox of postings,
-- the vendors already resolved, and the GL summary lines read from LeaseWorks.

create table qb_token (
    realm_id            varchar(50)  primary key,
    refresh_token_enc   varchar(2000) not null,
    refresh_expires_at  timestamp with time zone,
    updated_at          timestamp with time zone not null
);

-- Every posting, keyed by its deterministic requestid. status: PENDING (to post; attempts > 0 means an
-- earlier try may have landed, so the next one looks it up by DocNumber first), CONFIRMED (QuickBooks has it:
-- qb_id, qb_amount), FAILED (QuickBooks refused it: dead letter), REFUSED (the source cannot be posted: dead letter).
create table qb_outbox (
    request_id    varchar(50)    primary key,
    posting_type  varchar(20)    not null,
    entity        varchar(20)    not null,
    source_key    varchar(100)   not null,
    doc_number    varchar(21),
    txn_date      date           not null,
    amount        numeric(14, 2),
    vendor_name   varchar(255),
    payload       varchar        not null,
    payload_hash  varchar(64)    not null,
    status        varchar(12)    not null,
    attempts      integer        not null default 0,
    qb_id         varchar(40),
    sync_token    varchar(20),
    qb_amount     numeric(14, 2),
    posted_hash   varchar(64),
    error         varchar(4000),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index qb_outbox_status on qb_outbox (status);
create index qb_outbox_day on qb_outbox (txn_date, posting_type);

create table qb_vendor (
    display_name  varchar(255) primary key,
    qb_id         varchar(40)  not null,
    updated_at    timestamp with time zone not null
);

-- LeaseWorks' daily GL summary, one row per day, GL account and memo; a re-export of a day replaces its rows.
create table gl_summary_line (
    gl_date      date           not null,
    gl_account   varchar(20)    not null,
    memo         varchar(255)   not null default '',
    debit        numeric(14, 2) not null,
    credit       numeric(14, 2) not null,
    source_file  varchar(255),
    updated_at   timestamp with time zone not null,
    primary key (gl_date, gl_account, memo)
);
