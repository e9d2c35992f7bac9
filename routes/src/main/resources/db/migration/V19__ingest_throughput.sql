-- The record key first: a batch resolves its records' open letters with record_key in (...), and H2 only
-- looks up an in-list through an index whose first column it is (with status first it walked every open
-- letter of the flow for each batch). PostgreSQL finds them through either order.
drop index dead_letter_record;
create index dead_letter_record on dead_letter (record_key, flow, record_type, status);
