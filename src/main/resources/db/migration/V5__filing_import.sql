-- Bulk filing from the bank's workbook: an import goes upload → read and check → preview → commit.
-- Rows are staged (unlogged: they can be re-read from the kept file) and classified in SQL.

create table filing_import (
    id                  bigserial primary key,
    bank_id             bigint       not null references bank (id),
    staff_id            bigint       not null,
    scope_path          varchar(500) not null,
    file_name           varchar(255) not null,
    file_sha256         char(64)     not null,
    file_path           varchar(500) not null,
    status              varchar(20)  not null,
    rows_read           integer      not null default 0,
    rows_checked        integer      not null default 0,
    new_rows            integer      not null default 0,
    changed_rows        integer      not null default 0,
    unchanged_rows      integer      not null default 0,
    invalid_rows        integer      not null default 0,
    duplicate_rows      integer      not null default 0,
    conflict_rows       integer      not null default 0,
    error_key           varchar(100),
    error_detail        varchar(500),
    created_at          timestamptz  not null default now(),
    previewed_at        timestamptz,
    committed_at        timestamptz,
    committed_by        bigint,
    read_millis         bigint,
    commit_millis       bigint
);
create index filing_import_bank on filing_import (bank_id, created_at desc);
create index filing_import_sha on filing_import (bank_id, file_sha256);

create unlogged table filing_import_row (
    import_id        bigint      not null,
    row_no           integer     not null,
    status           varchar(12) not null,
    reasons          text,
    -- the cells as uploaded, for the result workbook
    area_cell        text,
    household_key    text,
    relationship_cell text,
    name             text,
    resident_id_cell text,
    gender_cell      text,
    birth_cell       text,
    phone            text,
    address          text,
    type_cell        text,
    occupation       text,
    employer         text,
    residence_cell   text,
    business_place   text,
    extra            text,
    -- parsed
    area_id          bigint,
    branch_id        bigint,
    resident_id      char(18),
    gender           char(1),
    birth_date       date,
    customer_type    varchar(30),
    relationship     varchar(20),
    residence        varchar(10),
    name_keys        text,
    customer_id      bigint,
    changed_fields   text,
    primary key (import_id, row_no)
);
-- no other index: every step joins the whole import at once (hash joins), and each index slows the COPY
