-- A replayed dead letter keeps what happened: when it was replayed and with what outcome.
alter table dead_letter add column replayed_at timestamp with time zone;
alter table dead_letter add column replay_outcome varchar;
