-- Each lease's recovery risk as last sent to Salesforce: what changed is sent, what did not is not.
-- high_episodes counts the times the lease rose to HIGH; each rise opens one collector Task keyed by it.
create table lease_risk (
    lease_id      varchar(64)  primary key,
    risk_level    varchar(10)  not null,
    score         integer      not null,
    reasons       varchar(255) not null,
    high_episodes integer      not null,
    assessed_on   date         not null,
    updated_at    timestamp with time zone not null
);
create index lease_risk_level on lease_risk (risk_level);
