-- One partition of the staged rows per import (docs/decisions.md): every classifying step scans the whole
-- import, and with the rows of last week's imports beside it (kept for their result workbooks) a re-import of a
-- million rows scanned two million. A partition is created when the import starts reading and dropped by the
-- nightly clean-up; each stays unlogged like the table was.
alter table filing_import_row rename to filing_import_row_old;
alter table filing_import_row_old rename constraint filing_import_row_pkey to filing_import_row_old_pkey;

create table filing_import_row (like filing_import_row_old including defaults) partition by list (import_id);
alter table filing_import_row add primary key (import_id, row_no);

do $$
declare
    i bigint;
begin
    for i in select distinct import_id from filing_import_row_old loop
        execute format('create unlogged table filing_import_row_%s (like filing_import_row including defaults)', i);
        execute format('alter table filing_import_row attach partition filing_import_row_%s for values in (%s)', i, i);
    end loop;
end;
$$;
insert into filing_import_row select * from filing_import_row_old;
drop table filing_import_row_old;
