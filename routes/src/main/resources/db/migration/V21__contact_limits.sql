-- Call attempts read from Salesforce (Tasks of type Call on a Lease__c), one row per Task: read again, it changes nothing.
create table call_attempt (
    activity_id   varchar(18)  primary key,
    lease_id      varchar(64)  not null,
    attempted_at  timestamp with time zone not null,
    conversation  boolean      not null,
    read_at       timestamp with time zone not null
);
create index call_attempt_lease on call_attempt (lease_id, attempted_at);

-- Each lease's standing against the contact limits as last sent to Salesforce (a hash of the fields), and the moment
-- it may change without new activity, when it is worked out again.
create table lease_contact_standing (
    lease_id      varchar(64)  primary key,
    standing_hash varchar(64)  not null,
    blocked_reason varchar(255),
    valid_until   timestamp with time zone,
    computed_at   timestamp with time zone not null
);
create index lease_contact_standing_due on lease_contact_standing (valid_until);
