-- A vehicle's title as the title desk records it in Salesforce: its status (NOT_REQUESTED, REQUESTED, RECEIVED,
-- TRANSFERRED; title_status already holds it) and the day it reached each. A repossessed vehicle is sold only with its
-- title RECEIVED, and the sale TRANSFERS it.
alter table vehicle add column title_requested_date date;
alter table vehicle add column title_received_date date;
alter table vehicle add column title_transferred_date date;
