-- Texts read from the org's SMS object (where one is configured), one row per message record: read again, it changes nothing.
create table text_message (
    activity_id   varchar(18)  primary key,
    lease_id      varchar(64)  not null,
    sent_at       timestamp with time zone not null,
    inbound       boolean      not null,
    read_at       timestamp with time zone not null
);
create index text_message_lease on text_message (lease_id, sent_at);
