-- How many times an operator had a posting sent again after QuickBooks lost it (deleted) or it was voided there:
-- each new document is created with a requestid of its own, as QuickBooks answers a repeated one with the first answer.
alter table qb_outbox add column reposts integer default 0 not null;
