-- The lease's payoff balance when the case's vehicle was recovered: the last LeaseWorks export the hub held then.
create table repo_recovery_payoff (
    case_id        varchar(18)    primary key,
    lease_id       varchar(64),
    payoff_balance numeric(16, 2),
    recorded_at    timestamp with time zone not null
);

-- The final account review of a sold case, recorded once; a case closes only once its review is here.
create table repo_review (
    case_id            varchar(18)    primary key,
    case_number        varchar(40),
    lease_id           varchar(64),
    payoff_at_recovery numeric(16, 2) not null,
    total_costs        numeric(16, 2) not null,
    net_proceeds       numeric(16, 2) not null,
    deficiency         numeric(16, 2) not null,
    surplus            numeric(16, 2) not null,
    review             varchar(4000)  not null,
    reviewed_at        timestamp with time zone not null
);
