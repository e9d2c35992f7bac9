-- Hub columns at least as wide as the Salesforce fields they feed and the limits the canonical fields declare,
-- so that a value the field map accepted is never refused by the hub.
alter table customer alter column state set data type varchar(80);
alter table customer alter column postal_code set data type varchar(20);
alter table customer alter column time_zone set data type varchar(255);

alter table lease_account alter column status set data type varchar(255);
alter table lease_account alter column past_due_amount set data type numeric(16, 2);
alter table lease_account alter column late_fees set data type numeric(16, 2);
alter table lease_account alter column payoff_balance set data type numeric(16, 2);
alter table lease_account alter column last_payment_amount set data type numeric(16, 2);
alter table lease_account alter column collector set data type varchar(255);
alter table lease_dpd_history alter column collector set data type varchar(255);

alter table payment alter column amount set data type numeric(16, 2);
alter table payment alter column method set data type varchar(255);
alter table payment alter column reversal_of set data type varchar(255);

alter table collector_note alter column author set data type varchar(255);

alter table promise alter column amount set data type numeric(16, 2);
alter table promise alter column amount_applied set data type numeric(16, 2);
alter table promise alter column made_by set data type varchar(255);
alter table promise_event alter column amount set data type numeric(16, 2);
alter table promise_event alter column actor set data type varchar(255);

-- One dead letter per problem: the open letters of a batch's records are found by flow, record type, status and key.
create index dead_letter_record on dead_letter (flow, record_type, status, record_key);
alter table dead_letter add column resolved_run_id bigint;
