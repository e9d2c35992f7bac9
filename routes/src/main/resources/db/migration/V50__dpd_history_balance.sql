-- The lease's payoff balance beside its days past due, so that the portfolio's buckets show balance as well as count.
-- Rows written before this have none and count as zero.
alter table lease_dpd_history add column payoff_balance numeric(16, 2);
