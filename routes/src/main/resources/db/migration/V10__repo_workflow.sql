-- The repossession workflow's bookkeeping on top of V5.

-- A vehicle change waits for the next LeaseWorks vehicle import until the version written is the latest.
alter table vehicle add column lw_import_version integer not null default 0;
alter table vehicle add column lw_exported_version integer not null default 0;
create index vehicle_lw_import on vehicle (lw_import_version, lw_exported_version);

-- A status change read from Salesforce's field history is applied once: its CaseHistory id.
alter table repo_case_event add column history_id varchar(18);
create unique index repo_case_event_history on repo_case_event (history_id);

-- The refusal last written back to the Case, so an unchanged Case is not written again.
alter table repo_case add column refused_status varchar(20);
alter table repo_case add column refusal varchar;
alter table repo_case add column last_history_at timestamp with time zone;

-- A repo order is queued with its case's change and sent after; sent_at stays empty until the agent's
-- mail server took it.
alter table repo_order add column status varchar(20) not null default 'PENDING';
alter table repo_order add column subject varchar(255) not null default '';
alter table repo_order add column queued_at timestamp with time zone;
alter table repo_order alter column sent_at drop not null;
