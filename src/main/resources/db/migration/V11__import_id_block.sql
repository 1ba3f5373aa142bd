-- New people of an import get the ids id_base + row number: one block of customer_id_seq per import, so that
-- classifying a million rows does not rewrite each staged row only to give it an id (ImportSql.RESERVE_IDS).
alter table filing_import add column id_base bigint;
