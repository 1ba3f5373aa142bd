-- Checks (核查, issue 6): dated snapshots of the core system's data (§4), kept with every row so that a check
-- can name the snapshot row it used. A row is identified by (snapshot_id, row_no); later checks against the
-- pre-credit list (R23) refer to it the same way.

create table check_snapshot (
    id           bigserial primary key,
    bank_id      bigint       not null references bank (id),
    kind         varchar(20)  not null
        check (kind in ('LEDGER', 'WRITE_OFF', 'GUARANTOR_REPAID', 'GUARANTEE_DEFAULT', 'LITIGATION', 'CERTIFICATE')),
    as_of        date         not null,
    file_name    varchar(255) not null,
    file_sha256  char(64)     not null,
    -- the uploader's branch subtree: rows of branches outside it were refused
    scope_path   varchar(500) not null,
    staff_id     bigint,
    rows_total   integer      not null default 0,
    rows_valid   integer      not null default 0,
    rows_invalid integer      not null default 0,
    created_at   timestamptz  not null default now(),
    unique (bank_id, kind, as_of, file_sha256)
);
create index check_snapshot_kind on check_snapshot (bank_id, kind, as_of desc);

create table check_row (
    snapshot_id    bigint      not null references check_snapshot (id) on delete cascade,
    row_no         integer     not null,
    status         varchar(8)  not null check (status in ('VALID', 'INVALID')),
    reasons        text,
    -- the cells as uploaded (one generic shape for all kinds; each kind uses some of them)
    cells          text[]      not null,
    -- parsed
    loan_no        varchar(60),
    resident_id    char(18),
    branch_id      bigint,
    manager_no     varchar(30),
    product        varchar(100),
    amount         numeric(18, 2),
    balance        numeric(18, 2),
    issue_date     date,
    maturity_date  date,
    event_date     date,
    loan_class     varchar(12) check (loan_class in ('NORMAL', 'SPECIAL', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS')),
    guarantor_ids  text,
    personal       boolean,
    arrears        varchar(12) check (arrears in ('NONE', 'MALICIOUS', 'NON_WILFUL')),
    interest_paid  boolean,
    raise_wanted   boolean,
    primary key (snapshot_id, row_no)
);
-- the bad-record rule (R24) and the certificate sorting (R25) join valid rows to the filed people by ID
create index check_row_person on check_row (resident_id) where status = 'VALID';
