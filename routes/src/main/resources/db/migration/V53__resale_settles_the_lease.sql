-- A sale settles its lease in QuickBooks with a JournalEntry that also takes the vehicle out of the books at the value
-- it stood at: kept with the sale when it is recorded, so that every later run posts the same amounts.
alter table repo_sale add column carrying_value numeric(14, 2);
