-- Control totals of each export file, counted at the source as it was read and kept with the file's run: one row
-- for the file's row count (measure null), one per summed measure, each for the whole file (day null) and per day.
create table export_file_total (
    file_key   varchar(64)   not null,
    export     varchar(40)   not null,
    run_id     bigint        not null,
    total_day  date,
    measure    varchar(80),
    row_count  bigint        not null,
    amount     numeric(19, 2)
);
create index export_file_total_file on export_file_total (file_key);
create index export_file_total_day on export_file_total (export, total_day);
