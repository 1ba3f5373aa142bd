-- Organisation: banks (tenants), the branch tree, staff with roles, and the areas each branch serves (R1-R2).
-- Every table that holds bank data carries bank_id; foreign keys include it so no row can point across banks.

create table bank (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    county_code char(6),
    created_at  timestamptz  not null default now()
);

create table branch (
    id          bigserial primary key,
    bank_id     bigint       not null references bank (id),
    parent_id   bigint,
    kind        varchar(20)  not null check (kind in ('HEAD_OFFICE', 'DEPARTMENT', 'BRANCH', 'OUTLET')),
    department  varchar(30)  check (department in ('BUSINESS_DEVELOPMENT', 'CREDIT', 'AUDIT', 'RISK_MANAGEMENT', 'OFFICE')),
    code        varchar(32)  not null,
    name        varchar(100) not null,
    -- materialised path of ids, e.g. /1/4/17/ ; a subtree is "path like '/1/4/%'"
    path        varchar(500) not null,
    phone       varchar(30),
    address     varchar(200),
    active      boolean      not null default true,
    version     integer      not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (bank_id, code),
    unique (bank_id, id),
    foreign key (bank_id, parent_id) references branch (bank_id, id),
    check ((kind = 'HEAD_OFFICE') = (parent_id is null)),
    check ((kind = 'DEPARTMENT') = (department is not null))
);
create unique index branch_one_head_office on branch (bank_id) where kind = 'HEAD_OFFICE';
create index branch_path on branch (bank_id, path varchar_pattern_ops);

create table staff (
    id          bigserial primary key,
    bank_id     bigint      not null references bank (id),
    branch_id   bigint      not null,
    staff_no    varchar(32) not null,
    name        varchar(50) not null,
    phone       varchar(20),
    active      boolean     not null default true,
    version     integer     not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (bank_id, staff_no),
    unique (bank_id, id),
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index staff_branch on staff (branch_id);

create table staff_role (
    staff_id bigint      not null references staff (id) on delete cascade,
    role     varchar(40) not null,
    primary key (staff_id, role)
);

create table area (
    id                  bigserial primary key,
    bank_id             bigint       not null references bank (id),
    branch_id           bigint       not null,
    kind                varchar(20)  not null check (kind in ('VILLAGE', 'COMMUNITY', 'INSTITUTION', 'MARKET')),
    division_code       char(12),
    township_code       char(9),
    township_name       varchar(60),
    name                varchar(100) not null,
    manager_id          bigint,
    actual_households   integer      not null default 0 check (actual_households >= 0),
    business_households integer      not null default 0 check (business_households >= 0),
    loan_cert_count     integer      not null default 0 check (loan_cert_count >= 0),
    loan_cert_amount    numeric(18, 2) not null default 0 check (loan_cert_amount >= 0),
    bad_loan_count      integer      not null default 0 check (bad_loan_count >= 0),
    bad_loan_amount     numeric(18, 2) not null default 0 check (bad_loan_amount >= 0),
    active              boolean      not null default true,
    version             integer      not null default 0,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (bank_id, division_code),
    unique (bank_id, id),
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    foreign key (bank_id, manager_id) references staff (bank_id, id),
    check (business_households <= actual_households)
);
create index area_branch on area (branch_id);
create index area_manager on area (manager_id);
