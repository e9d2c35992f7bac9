-- What agencies report of their placements, a row per return-file row. A row is keyed by the file and line it came
-- from, so a file read again after a crash, or a quarantined row replayed, stores it once; a placement's collected
-- amount is the sum of its rows, never a running total.
create table agency_return (
    file_name        varchar(255)   not null,
    line             bigint         not null,
    placement_id     varchar(80)    not null,
    agency           varchar(80)    not null,
    reported_on      date           not null,
    status           varchar(40)    not null,
    amount_collected numeric(14, 2) not null,
    contacted_on     date,
    contact_result   varchar(255),
    read_at          timestamp with time zone not null,
    primary key (file_name, line)
);
create index agency_return_placement on agency_return (placement_id, reported_on);

alter table agency_placement add column agency_status varchar(40);
alter table agency_placement add column agency_reported_on date;
alter table agency_placement add column collected_amount numeric(14, 2);
alter table agency_placement add column last_contact_on date;
alter table agency_placement add column last_contact_result varchar(255);
