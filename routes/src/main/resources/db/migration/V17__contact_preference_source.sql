-- Where a customer's contact preferences came from: read from LeaseWorks, or set to "not allowed" because
-- LeaseWorks gave no usable value (blank, unreadable, not exported).
alter table customer add column preference_source varchar(255);
