-- R27: an objection is recorded, investigated, then closed. INVESTIGATING names who took it up, when, and their note.
alter table approval_objection drop constraint approval_objection_status_check;
alter table approval_objection alter column status type varchar(16);
alter table approval_objection
    add constraint approval_objection_status_check
        check (status in ('OPEN', 'INVESTIGATING', 'KEPT', 'REVISED', 'REMOVED')),
    add column investigated_by      bigint references staff (id),
    add column investigated_by_name varchar(50),
    add column investigated_at      timestamptz,
    add column investigation_note   varchar(2000),
    add constraint approval_objection_investigation
        check (status not in ('INVESTIGATING') or (investigated_by is not null and investigated_at is not null));
