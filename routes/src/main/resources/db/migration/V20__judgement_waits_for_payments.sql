-- The day an export file describes (from its name): a payments export dated after a promise's deadline has shown
-- every payment of the deadline day, so the promise may be judged.
alter table export_file add column as_of date;
