-- Bulk filing at a million rows, continued (docs/decisions.md, "References checked per statement").
-- A foreign key checks each inserted row on its own: three per customer and two per household, most of a
-- million-row import's commit. The same guarantee is kept here per statement: after every insert or update,
-- the new rows as a whole are joined once with what they point to. The rows pointed to are never deleted
-- (branches, areas and households are deactivated, not removed) and their keys never change, so nothing
-- can slip in between as it could with a check that reads without locking.

alter table customer drop constraint customer_bank_id_branch_id_fkey;
alter table customer drop constraint customer_bank_id_area_id_fkey;
alter table customer drop constraint customer_bank_id_household_id_fkey;
alter table household drop constraint household_bank_id_branch_id_fkey;
alter table household drop constraint household_bank_id_area_id_fkey;

create function customer_references_exist() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n left join branch b on b.bank_id = n.bank_id and b.id = n.branch_id
                where b.id is null) then
        raise exception 'customer: branch not found in its bank' using errcode = '23503';
    end if;
    if exists (select 1 from new_rows n left join area a on a.bank_id = n.bank_id and a.id = n.area_id
                where a.id is null) then
        raise exception 'customer: area not found in its bank' using errcode = '23503';
    end if;
    if exists (select 1 from new_rows n left join household h on h.bank_id = n.bank_id and h.id = n.household_id
                where h.id is null) then
        raise exception 'customer: household not found in its bank' using errcode = '23503';
    end if;
    return null;
end $$;

create trigger customer_references_on_insert after insert on customer
    referencing new table as new_rows for each statement execute function customer_references_exist();
create trigger customer_references_on_update after update on customer
    referencing new table as new_rows for each statement execute function customer_references_exist();

create function household_references_exist() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n left join branch b on b.bank_id = n.bank_id and b.id = n.branch_id
                where b.id is null) then
        raise exception 'household: branch not found in its bank' using errcode = '23503';
    end if;
    if exists (select 1 from new_rows n left join area a on a.bank_id = n.bank_id and a.id = n.area_id
                where a.id is null) then
        raise exception 'household: area not found in its bank' using errcode = '23503';
    end if;
    return null;
end $$;

create trigger household_references_on_insert after insert on household
    referencing new table as new_rows for each statement execute function household_references_exist();
create trigger household_references_on_update after update on household
    referencing new table as new_rows for each statement execute function household_references_exist();

-- what customers and households point to stays: no delete, no change of key
create function kept_not_deleted() returns trigger language plpgsql as $$
begin
    raise exception '% rows are deactivated, never deleted', tg_table_name using errcode = '23503';
end $$;

create function key_unchanged() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.bank_id <> old.bank_id then
        raise exception 'the key of a % row never changes', tg_table_name using errcode = '23503';
    end if;
    return new;
end $$;

create trigger branch_kept before delete or truncate on branch for each statement execute function kept_not_deleted();
create trigger area_kept before delete or truncate on area for each statement execute function kept_not_deleted();
create trigger household_kept before delete or truncate on household
    for each statement execute function kept_not_deleted();
create trigger branch_key before update of id, bank_id on branch for each row execute function key_unchanged();
create trigger area_key before update of id, bank_id on area for each row execute function key_unchanged();
create trigger household_key before update of id, bank_id on household for each row execute function key_unchanged();
