-- Export files: a file is DONE only in the transaction of its last batch, so a file interrupted by a crash
-- is read again on restart (its stored rows change nothing). The key is a hash, so any file name fits.
create table export_file (
    file_key    varchar(64)   primary key,
    export      varchar(40)   not null,
    file_name   varchar(1000) not null,
    status      varchar(20)   not null,
    run_id      bigint,
    rows_read   bigint        not null default 0,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    note        varchar(1000)
);
create index export_file_export on export_file (export, status, finished_at);

-- Salesforce records whose parent (the lease, the customer) the hub does not hold yet: not sent, and
-- queued by themselves when the parent arrives.
create table sf_held (
    sobject     varchar(80)  not null,
    facet       varchar(40)  not null,
    external_id varchar(255) not null,
    payload     varchar      not null,
    parent_type varchar(20)  not null,
    parent_key  varchar(255) not null,
    held_at     timestamp with time zone not null,
    primary key (sobject, facet, external_id)
);
create index sf_held_parent on sf_held (parent_type, parent_key);

-- A file name is the source of its runs and dead letters, whatever its length.
alter table flow_run alter column source type varchar(1000);
alter table dead_letter alter column source_file type varchar(1000);
