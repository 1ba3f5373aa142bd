-- Bulk filing at a million rows: every index and foreign key of customer is paid for on each inserted row.
-- Dropped here what search does not need or another constraint already guarantees (docs/decisions.md).

-- the bank is already checked through (bank_id, area_id) → area, which carries the bank
alter table customer drop constraint customer_bank_id_fkey;

-- (bank_id, id) existed only for the household's representative key; a plain key on id says the same,
-- and the household's own (bank_id, id) pairs it with the bank
alter table household drop constraint household_representative;
alter table customer drop constraint customer_bank_id_id_key;
alter table household add constraint household_representative
    foreign key (representative_id) references customer (id) deferrable initially deferred;

-- searching by the last digits of an ID or by the start of a name scans the bank's customers; at a million
-- rows that is a fraction of a second, cheaper overall than two more indexes on every filed person
drop index customer_id_tail;
drop index customer_name;
