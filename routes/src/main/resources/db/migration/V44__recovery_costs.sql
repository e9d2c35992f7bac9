-- Every cost of a repossession case (Recovery_Cost__c): entered in Salesforce (keyed by the record's Id) or derived
-- by LeaseBridge (REPAIR-<FleetRock RO id> for a repair on the case's vehicle while the case is open,
-- AGENT_FEE-<Case id> for the agent's fee on the Case). Only entered costs are billed from here: a repair is billed
-- as its approved work order, the agent's fee as the case's fee, each once.
create table recovery_cost (
    cost_key     varchar(80)    primary key,
    case_id      varchar(18)    not null,
    cost_type    varchar(20)    not null,
    vendor       varchar(255),
    amount       numeric(16, 2) not null,
    cost_date    date,
    invoice      varchar(64),
    source       varchar(20)    not null,
    salesforce_id varchar(18),
    updated_at   timestamp with time zone not null
);
create index recovery_cost_case on recovery_cost (case_id);

-- What the case's costs added up to when last written to the Case, so an unchanged total is not written again.
alter table repo_case add column total_recovery_cost numeric(16, 2);
