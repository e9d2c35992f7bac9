-- The recall of a repo order already mailed to its agent, when the case is reinstated or cancelled before the
-- vehicle is taken: one per case, mailed like the order (claimed, SENDING under its Message-ID before the mail
-- server is called) and only once the order itself is SENT, so that it always follows the order it recalls.
create table repo_order_recall (
    case_id       varchar(18)  primary key,
    recipient     varchar(255) not null,
    subject       varchar(255) not null,
    body          varchar      not null,
    status        varchar(20)  not null,
    queued_at     timestamp with time zone not null,
    message_id    varchar(255),
    sent_at       timestamp with time zone,
    claimed_by    varchar(200),
    claimed_until timestamp with time zone
);
create index repo_order_recall_claimable on repo_order_recall (status, queued_at, case_id);
