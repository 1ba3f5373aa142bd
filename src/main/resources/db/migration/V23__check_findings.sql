-- Findings of the ledger checks (R23, issue 6 point 2), audit referrals (point 3) and final lists (point 6).

-- One finding per (kind, loan, borrower): a re-run on the same or a newer snapshot adds only what is new
-- (point 7); the snapshot row it was first seen in is the evidence. branch_id is the lending branch (the
-- ledger row's), which explains it; area_id the borrower's household's area, whose final list it holds up.
create table check_finding (
    id                bigserial primary key,
    bank_id           bigint        not null references bank (id),
    kind              varchar(20)   not null check (kind in ('NOT_ON_LIST', 'ABOVE_PRE_CREDIT')),
    loan_no           varchar(60)   not null,
    resident_id       char(18)      not null,
    branch_id         bigint        not null,
    manager_no        varchar(30),
    customer_id       bigint,
    household_id      bigint,
    area_id           bigint,
    loan_amount       numeric(18, 2),
    balance           numeric(18, 2),
    pre_credit_amount numeric(18, 2),
    aggregation_id    bigint,
    snapshot_id       bigint        not null references check_snapshot (id),
    row_no            integer       not null,
    -- OPEN: no reason yet; EXPLAINED: the branch gave one; ACCEPTED: head office accepted it;
    -- REFERRED: head office referred it to audit (check_referral)
    status            varchar(10)   not null default 'OPEN'
        check (status in ('OPEN', 'EXPLAINED', 'ACCEPTED', 'REFERRED')),
    reason            varchar(1000),
    explained_by      bigint,
    explained_by_name varchar(50),
    explained_at      timestamptz,
    decided_by        bigint,
    decided_by_name   varchar(50),
    decided_at        timestamptz,
    decision_note     varchar(1000),
    found_at          timestamptz   not null default now(),
    version           integer       not null default 0,
    unique (bank_id, kind, loan_no, resident_id)
);
create index check_finding_branch on check_finding (bank_id, branch_id, status);
create index check_finding_area on check_finding (area_id) where status = 'OPEN';
create index check_finding_household on check_finding (household_id);

-- An audit case (R23: special audit of the branch, the account manager and the customer), one per finding.
create table check_referral (
    id              bigserial primary key,
    bank_id         bigint        not null references bank (id),
    finding_id      bigint        not null unique references check_finding (id),
    branch_id       bigint        not null,
    evidence        varchar(2000) not null,
    owner_id        bigint        not null,
    deadline        date          not null,
    status          varchar(14)   not null default 'OPEN' check (status in ('OPEN', 'INVESTIGATING', 'CLOSED')),
    resolution      varchar(2000),
    referred_by     bigint        not null,
    referred_by_name varchar(50)  not null,
    referred_at     timestamptz   not null default now(),
    closed_at       timestamptz,
    version         integer       not null default 0,
    check (status <> 'CLOSED' or resolution is not null)
);
create index check_referral_status on check_referral (bank_id, status, deadline);

-- A fixed final list (point 6): an area's or a panel's; every area is fixed at most once (check_final_list_area),
-- so no household reaches the approval chain twice. Lists and their items never change afterwards.
create table check_final_list (
    id            bigserial primary key,
    bank_id       bigint        not null references bank (id),
    branch_id     bigint        not null,
    area_id       bigint,
    panel_id      bigint,
    fixed_by      bigint        not null,
    fixed_by_name varchar(50)   not null,
    fixed_at      timestamptz   not null default now(),
    households    integer       not null,
    total_amount  numeric(18, 2) not null,
    check ((area_id is null) <> (panel_id is null))
);

create table check_final_list_area (
    area_id       bigint primary key,
    final_list_id bigint not null references check_final_list (id)
);

create table check_final_list_item (
    final_list_id  bigint        not null references check_final_list (id),
    household_id   bigint        not null,
    area_id        bigint        not null,
    amount         numeric(18, 2) not null check (amount > 0),
    grade          varchar(10),
    aggregation_id bigint        not null,
    primary key (final_list_id, household_id)
);
create index check_final_list_item_household on check_final_list_item (household_id);

create function check_final_list_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a fixed final list cannot be changed (%): changes go through approval and adjustment', tg_table_name
        using errcode = 'P0001';
end $$;
create trigger check_final_list_immutable before update or delete on check_final_list
    for each row execute function check_final_list_immutable();
create trigger check_final_list_area_immutable before update or delete on check_final_list_area
    for each row execute function check_final_list_immutable();
create trigger check_final_list_item_immutable before update or delete on check_final_list_item
    for each row execute function check_final_list_immutable();
create trigger check_final_list_truncate before truncate on check_final_list
    for each statement execute function check_final_list_immutable();
create trigger check_final_list_item_truncate before truncate on check_final_list_item
    for each statement execute function check_final_list_immutable();

-- Who of the areas' pre-credit list was left off the final list, and why: R24 with the snapshot row that caused
-- it, R7 (EXCLUDED), or an audit case not yet closed (AUDIT_OPEN, with the ledger row of its finding).
create table check_final_list_left_off (
    final_list_id bigint      not null references check_final_list (id),
    household_id  bigint      not null,
    customer_id   bigint,
    reason        varchar(20) not null,
    snapshot_id   bigint,
    row_no        integer
);
create index check_final_list_left_off_list on check_final_list_left_off (final_list_id);
create trigger check_final_list_left_off_immutable before update or delete on check_final_list_left_off
    for each row execute function check_final_list_immutable();
