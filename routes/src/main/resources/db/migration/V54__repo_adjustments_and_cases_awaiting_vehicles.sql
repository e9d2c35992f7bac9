-- The lease adjustment each recorded final account review leaves for LeaseWorks (deficiency, surplus or settled), queued
-- with the review and written once into an import file. A row is given its file's name before the file is written and
-- marked written after: a crash in between writes the same file again, with the same rows, under the same name.
create table repo_adjustment (
    case_id            varchar(18)    primary key,
    lease_id           varchar(64),
    case_number        varchar(40),
    kind               varchar(12)    not null,
    amount             numeric(16, 2) not null,
    payoff_at_recovery numeric(16, 2) not null,
    recovery_costs     numeric(16, 2) not null,
    net_proceeds       numeric(16, 2) not null,
    sale_date          date,
    queued_at          timestamp with time zone not null,
    file_name          varchar(255),
    written_at         timestamp with time zone
);
create index repo_adjustment_file on repo_adjustment (file_name, written_at);

-- Repossession Cases read before their vehicle reached the hub: held, not refused, and taken again by id once it has.
create table repo_case_held (
    case_id     varchar(18)  primary key,
    case_number varchar(40),
    vin         varchar(17)  not null,
    held_at     timestamp with time zone not null
);
