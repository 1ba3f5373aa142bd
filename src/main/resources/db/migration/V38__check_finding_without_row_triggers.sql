-- A check run inserts a finding per loan that does not fit (hundreds of thousands at a large bank); each foreign
-- key fired a trigger per inserted row (1.4 of 7.7 s at 300,000 loans). docs/decisions.md, 2026-11-26 "Findings
-- without per-row foreign key triggers".
-- bank_id: every other table of the bank references bank, so a bank with findings can never be deleted anyway.
alter table check_finding drop constraint check_finding_bank_id_fkey;
-- snapshot_id: the finding's evidence. Instead of a check per inserted finding, deleting a snapshot that a finding
-- cites is refused when it is tried (nothing in the platform deletes snapshots).
alter table check_finding drop constraint check_finding_snapshot_id_fkey;
create function check_snapshot_keep_evidence() returns trigger language plpgsql as $$
begin
    if exists (select 1 from check_finding f join old_rows o on o.id = f.snapshot_id) then
        raise exception 'a snapshot that findings cite as evidence cannot be deleted' using errcode = '23503';
    end if;
    return null;
end $$;
create trigger check_snapshot_keep_evidence after delete on check_snapshot
    referencing old table as old_rows for each statement execute function check_snapshot_keep_evidence();
