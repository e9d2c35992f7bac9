-- How far each FleetRock event has been polled: the end of the last window whose repair orders are committed.
create table fleetrock_watermark (
    event         varchar(40)  primary key,
    polled_until  timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

-- Webhook deliveries applied, by a digest of their body: FleetRock redelivering the same push changes nothing.
create table fleetrock_delivery (
    delivery_key  varchar(64)  primary key,
    event         varchar(40),
    ro_ids        varchar(1000),
    received_at   timestamp with time zone not null
);

-- The SystemModstamp of the Salesforce WorkOrder change that approved the work order.
alter table work_order add column approval_modstamp timestamp with time zone;
