-- Credit (issue 7 points 3-8, R15, R28, R29, R31-R32): grantable limits, contracts with loan certificates and their
-- revolving lines, draws and repayments, limit adjustments, the archive checklist, annual reviews, bank settings.

-- The bank's credit settings: the incentive per new certificate (R15) and the default term of a contract.
create table credit_setting (
    bank_id               bigint        primary key references bank (id),
    village_committee_fee numeric(18, 2) not null default 6 check (village_committee_fee >= 0),
    assistant_fee         numeric(18, 2) not null default 5 check (assistant_fee >= 0),
    term_months           integer       not null default 36 check (term_months between 1 and 120),
    updated_by            bigint,
    updated_at            timestamptz   not null default now()
);

-- The latest approved limit of each household (approval.LimitApproved, replaced by a later one), withdrawn by
-- approval.LimitWithdrawn. A contract may be signed from grantable_from on while it is not withdrawn.
create table credit_grantable (
    household_id     bigint        primary key,
    bank_id          bigint        not null references bank (id),
    area_id          bigint        not null,
    approval_case_id bigint        not null,
    amount           numeric(18, 2) not null check (amount > 0),
    grade            varchar(10),
    grantable_from   date          not null,
    amount_shown     boolean       not null,
    approved_at      timestamptz   not null,
    withdrawn        boolean       not null default false,
    withdrawn_reason varchar(20),
    updated_at       timestamptz   not null default now(),
    foreign key (household_id) references household (id)
);

-- A signed credit contract with its loan certificate and the revolving line it opens (R28). The limit is locked
-- (R31): only the adjustment path may change it (trigger below). Available = limit - outstanding, never negative.
create table credit_line (
    id                bigserial     primary key,
    bank_id           bigint        not null references bank (id),
    branch_id         bigint        not null,
    area_id           bigint        not null,
    household_id      bigint        not null,
    representative_id bigint        not null,
    approval_case_id  bigint        not null,
    contract_no       varchar(30)   not null,
    certificate_no    varchar(30)   not null,
    limit_amount      numeric(18, 2) not null check (limit_amount > 0),
    outstanding       numeric(18, 2) not null default 0,
    drawn_total       numeric(18, 2) not null default 0 check (drawn_total >= 0),
    grade             varchar(10),
    annual_rate       numeric(7, 4),
    term_from         date          not null,
    term_to           date          not null,
    guarantee         varchar(500),
    signed_on         date          not null,
    signed_by         bigint,
    status            varchar(10)   not null default 'ACTIVE' check (status in ('ACTIVE', 'FROZEN', 'CLOSED')),
    status_reason     varchar(40),
    status_detail     varchar(300),
    status_at         timestamptz,
    amount_shown      boolean       not null default true,
    version           integer       not null default 0,
    created_at        timestamptz   not null default now(),
    unique (bank_id, contract_no),
    unique (bank_id, certificate_no),
    check (outstanding >= 0 and outstanding <= limit_amount),
    check (term_to > term_from),
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    foreign key (bank_id, area_id) references area (bank_id, id),
    foreign key (household_id) references household (id),
    foreign key (representative_id) references customer (id)
);
-- one open (not closed) line per household
create unique index credit_line_open on credit_line (household_id) where status <> 'CLOSED';
create index credit_line_area on credit_line (area_id, signed_on);
create index credit_line_branch on credit_line (branch_id);

-- Draws and repayments of a line, at the counter or from the core ledger feed (idempotent by the core's txn id).
create table credit_movement (
    id         bigserial     primary key,
    bank_id    bigint        not null references bank (id),
    line_id    bigint        not null references credit_line (id),
    kind       varchar(10)   not null check (kind in ('DRAW', 'REPAYMENT')),
    amount     numeric(18, 2) not null check (amount > 0),
    on_date    date          not null,
    source     varchar(10)   not null check (source in ('COUNTER', 'LEDGER')),
    core_txn_id varchar(64),
    staff_id   bigint,
    outstanding_after numeric(18, 2) not null,
    created_at timestamptz   not null default now()
);
create index credit_movement_line on credit_movement (line_id, id);
create unique index credit_movement_core_txn on credit_movement (bank_id, core_txn_id) where core_txn_id is not null;

-- Numbering of contracts and certificates per bank and year.
create table credit_number (
    bank_id bigint      not null references bank (id),
    kind    varchar(12) not null,
    year    integer     not null,
    last    integer     not null,
    primary key (bank_id, kind, year)
);

-- Limit adjustments (R31): requested with evidence by the branch, verified by head-office business development,
-- applied by head-office credit; or rejected at either step.
create table credit_adjustment (
    id           bigserial     primary key,
    bank_id      bigint        not null references bank (id),
    line_id      bigint        not null references credit_line (id),
    old_limit    numeric(18, 2) not null,
    new_limit    numeric(18, 2) not null check (new_limit > 0),
    reason       varchar(1000) not null,
    evidence     varchar(1000) not null,
    status       varchar(10)   not null default 'REQUESTED'
                 check (status in ('REQUESTED', 'VERIFIED', 'APPLIED', 'REJECTED')),
    review_id    bigint,
    version      integer       not null default 0,
    created_at   timestamptz   not null default now(),
    check (new_limit <> old_limit)
);
create index credit_adjustment_line on credit_adjustment (line_id);
create unique index credit_adjustment_open on credit_adjustment (line_id) where status in ('REQUESTED', 'VERIFIED');

-- Each step of an adjustment: who, when, what they said.
create table credit_adjustment_step (
    id            bigserial   primary key,
    adjustment_id bigint      not null references credit_adjustment (id),
    status        varchar(10) not null,
    note          varchar(1000),
    staff_id      bigint,
    staff_name    varchar(50) not null,
    at            timestamptz not null default now()
);
create index credit_adjustment_step_adj on credit_adjustment_step (adjustment_id, id);

-- R31: the limit of a line changes only through an adjustment that head-office business development verified, to
-- exactly its amount, inside the transaction that applies it (which names it in credit.applying_adjustment).
create function credit_line_limit_locked() returns trigger language plpgsql as $$
begin
    if new.limit_amount is distinct from old.limit_amount and not exists (
        select 1 from credit_adjustment a
         where a.id = nullif(current_setting('credit.applying_adjustment', true), '')::bigint
           and a.line_id = new.id and a.status = 'VERIFIED' and a.new_limit = new.limit_amount) then
        raise exception 'credit_line % limit is locked (R31): only a verified adjustment may change it', old.id
            using errcode = '23514';
    end if;
    return new;
end $$;
create trigger credit_line_limit_lock before update of limit_amount on credit_line
    for each row execute function credit_line_limit_locked();

-- The bank's archive catalogue (档案目录, R29) and each line's checklist against it.
create table credit_archive_item (
    bank_id  bigint       not null references bank (id),
    code     varchar(30)  not null,
    name     varchar(100) not null,
    position integer      not null,
    primary key (bank_id, code)
);
create table credit_archive_check (
    line_id    bigint      not null references credit_line (id),
    code       varchar(30) not null,
    present    boolean     not null,
    note       varchar(200),
    staff_id   bigint,
    staff_name varchar(50) not null,
    at         timestamptz not null default now(),
    primary key (line_id, code)
);

-- Annual review of each line (档案年检, R32): confirm, change through an adjustment, or close.
create table credit_review (
    id            bigserial    primary key,
    bank_id       bigint       not null references bank (id),
    line_id       bigint       not null references credit_line (id),
    year          integer      not null,
    outcome       varchar(10)  not null check (outcome in ('CONFIRM', 'ADJUST', 'CLOSE')),
    note          varchar(1000),
    adjustment_id bigint       references credit_adjustment (id),
    staff_id      bigint,
    staff_name    varchar(50)  not null,
    at            timestamptz  not null default now(),
    unique (line_id, year)
);
