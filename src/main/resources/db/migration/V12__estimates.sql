-- Estimates (R17, R18): each member's filled-in copy of a printed booklet, typed in by one person and verified by
-- another who types the amounts again without seeing the first keying. One copy per panel and copy number: the
-- member's estimates for that panel, whichever printed version they were typed from (the latest at the time).
-- panel_id / member_id refer to the panel module's tables; no foreign key across modules.

create table estimate_copy (
    id               bigserial primary key,
    bank_id          bigint      not null references bank (id),
    branch_id        bigint      not null,
    panel_id         bigint      not null,
    print_id         bigint      not null references booklet_print (id),
    copy_no          integer     not null check (copy_no > 0),
    member_id        bigint,
    member_name      varchar(50) not null,
    -- R13: the member's own household as printed on the copy; its row is kept but never counts
    own_household_id bigint,
    status           varchar(10) not null check (status in ('KEYING', 'KEYED', 'VERIFYING', 'VERIFIED')),
    source           varchar(10) not null check (source in ('PAPER', 'WORKBOOK')),
    keyed_by         bigint      not null references staff (id),
    keyed_by_name    varchar(50) not null,
    keyed_at         timestamptz,
    verified_by      bigint references staff (id),
    verified_by_name varchar(50),
    second_keyed_at  timestamptz,
    verified_at      timestamptz,
    unique (panel_id, copy_no),
    -- R18: the person who keyed a copy never verifies it
    check (verified_by is null or verified_by <> keyed_by),
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index estimate_copy_branch on estimate_copy (branch_id);
create index estimate_copy_print on estimate_copy (print_id);

-- one row per household of the printed copy; figures in yuan. k1_*: first keying, k2_*: the verifier's keying,
-- the unprefixed ones: the resolved figures (set when the copy is verified)
create table estimate (
    copy_id             bigint        not null references estimate_copy (id) on delete cascade,
    row_no              integer       not null check (row_no > 0),
    household_id        bigint        not null,
    own_household       boolean       not null default false,
    k1_assets           numeric(18,2) check (k1_assets >= 0),
    k1_liabilities      numeric(18,2) check (k1_liabilities >= 0),
    k1_gross_income     numeric(18,2) check (k1_gross_income >= 0),
    k1_net_income       numeric(18,2) check (k1_net_income >= 0),
    k1_suggested        numeric(18,2) check (k1_suggested >= 0),
    k1_do_not_recommend boolean       not null default false,
    k2_assets           numeric(18,2) check (k2_assets >= 0),
    k2_liabilities      numeric(18,2) check (k2_liabilities >= 0),
    k2_gross_income     numeric(18,2) check (k2_gross_income >= 0),
    k2_net_income       numeric(18,2) check (k2_net_income >= 0),
    k2_suggested        numeric(18,2) check (k2_suggested >= 0),
    k2_do_not_recommend boolean,
    assets              numeric(18,2) check (assets >= 0),
    liabilities         numeric(18,2) check (liabilities >= 0),
    gross_income        numeric(18,2) check (gross_income >= 0),
    net_income          numeric(18,2) check (net_income >= 0),
    suggested_amount    numeric(18,2) check (suggested_amount >= 0),
    do_not_recommend    boolean,
    remarks             varchar(500),
    -- R18 corrections of the representative's contact data written in the booklet, applied through filing
    correction_text     varchar(500),
    correction_phone    varchar(30),
    correction_address  varchar(200),
    correction_status   varchar(10) check (correction_status in ('APPLIED', 'UNCHANGED', 'REFUSED')),
    correction_note     varchar(500),
    primary key (copy_id, household_id),
    unique (copy_id, row_no)
);
