-- Several LeaseBridge nodes on one hub.

-- The nodes that ran or run against this hub, each with its last heartbeat: a node that stopped heartbeating
-- is gone, and the runs it left RUNNING are aborted by whichever node notices first.
create table cluster_node (
    node_id      varchar(200) primary key,
    host         varchar(255),
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null,
    stopped_at   timestamp with time zone
);

alter table flow_run add column node_id varchar(200);
alter table flow_run add column heartbeat_at timestamp with time zone;
create index flow_run_running on flow_run (status, heartbeat_at);

-- Outbox rows are claimed by one worker for a while (claimed_by, claimed_until): other workers skip them,
-- and a claim whose worker died expires. The claim scan walks the index in id order: no sort per batch.
alter table sf_outbox add column claimed_by varchar(200);
alter table sf_outbox add column claimed_until timestamp with time zone;
drop index sf_outbox_pending;
create index sf_outbox_claimable on sf_outbox (status, sobject, facet, id);

alter table qb_outbox add column claimed_by varchar(200);
alter table qb_outbox add column claimed_until timestamp with time zone;
create index qb_outbox_claimable on qb_outbox (status, txn_date, request_id);

-- A repo order is SENDING (with its Message-ID) before the mail server is called: a crash after the server took it
-- resends it once under the same Message-ID, which the agent's mail client shows as one message.
alter table repo_order add column message_id varchar(255);
alter table repo_order add column claimed_by varchar(200);
alter table repo_order add column claimed_until timestamp with time zone;
create index repo_order_claimable on repo_order (status, queued_at, case_id);

-- A Bulk API 2.0 job LeaseBridge opened, and the outbox rows (with the version) it carries: a process that dies
-- after uploading resumes polling the job instead of uploading the rows again.
create table sf_bulk_job (
    job_id     varchar(18)  primary key,
    sobject    varchar(80)  not null,
    facet      varchar(40)  not null,
    state      varchar(20)  not null,
    node_id    varchar(200),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index sf_bulk_job_open on sf_bulk_job (state, sobject, facet);

create table sf_bulk_job_row (
    job_id      varchar(18) not null,
    outbox_id   bigint      not null,
    version     integer     not null,
    external_id varchar(64) not null,
    primary key (job_id, outbox_id)
);
