-- Filing (建档): customers, households, history, exclusions, documents, questionnaire (R4-R11).

create table household (
    id                bigserial primary key,
    bank_id           bigint      not null references bank (id),
    branch_id         bigint      not null,
    area_id           bigint      not null,
    representative_id bigint,
    -- a key the bank's workbook uses for the household (户号), unique within the bank when given
    file_key          varchar(40),
    active            boolean     not null default true,
    version           integer     not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (bank_id, id),
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    foreign key (bank_id, area_id) references area (bank_id, id)
);
create unique index household_file_key on household (bank_id, file_key) where file_key is not null;
create index household_area on household (area_id);

create table customer (
    id             bigserial primary key,
    bank_id        bigint       not null references bank (id),
    branch_id      bigint       not null,
    area_id        bigint       not null,
    household_id   bigint       not null,
    relationship   varchar(20)  not null default 'SELF',
    resident_id    char(18)     not null,
    name           varchar(50)  not null,
    gender         char(1)      not null check (gender in ('M', 'F')),
    birth_date     date         not null,
    phone          varchar(20)  not null,
    address        varchar(200) not null,
    customer_type  varchar(30)  not null,
    occupation     varchar(100),
    employer       varchar(100),
    residence      varchar(10)  not null default 'LOCAL' check (residence in ('LOCAL', 'NON_LOCAL')),
    business_place varchar(200),
    data_source    varchar(20)  not null,
    extra          jsonb        not null default '{}'::jsonb,
    -- search keys: full pinyin and initials of every reading of the name, space separated
    name_keys      text         not null default '',
    excluded       boolean      not null default false,
    version        integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    created_by     bigint,
    updated_by     bigint,
    unique (bank_id, resident_id),
    unique (bank_id, id),
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    foreign key (bank_id, area_id) references area (bank_id, id),
    foreign key (bank_id, household_id) references household (bank_id, id),
    check (residence = 'LOCAL' or business_place is not null)
);
create index customer_area on customer (area_id);
create index customer_household on customer (household_id);
create index customer_branch on customer (branch_id);
create index customer_phone on customer (bank_id, phone);
create index customer_id_tail on customer (bank_id, right(resident_id, 6));
create index customer_name on customer (bank_id, name);

alter table household add constraint household_representative
    foreign key (bank_id, representative_id) references customer (bank_id, id) deferrable initially deferred;

create table customer_history (
    id          bigserial primary key,
    bank_id     bigint      not null,
    customer_id bigint      not null,
    field       varchar(40) not null,
    old_value   text,
    new_value   text,
    changed_by  bigint,
    changed_at  timestamptz not null default now(),
    source      varchar(20) not null
);
create index customer_history_customer on customer_history (customer_id, changed_at);

create table household_history (
    id           bigserial primary key,
    bank_id      bigint      not null,
    household_id bigint      not null,
    action       varchar(30) not null,
    customer_id  bigint,
    detail       text,
    changed_by   bigint,
    changed_at   timestamptz not null default now()
);
create index household_history_household on household_history (household_id, changed_at);

create table exclusion (
    id          bigserial primary key,
    bank_id     bigint       not null,
    customer_id bigint       not null references customer (id),
    reason      varchar(30)  not null,
    note        varchar(500),
    evidence    varchar(500),
    decided_by  bigint       not null,
    decided_at  timestamptz  not null default now(),
    lifted_by   bigint,
    lifted_at   timestamptz,
    lift_note   varchar(500)
);
create unique index exclusion_one_open on exclusion (customer_id) where lifted_at is null;

create table customer_document (
    id          bigserial primary key,
    bank_id     bigint      not null,
    customer_id bigint      not null references customer (id),
    kind        varchar(40) not null,
    received_on date        not null,
    valid_until date,
    note        varchar(200),
    recorded_by bigint,
    recorded_at timestamptz not null default now()
);
create index customer_document_customer on customer_document (customer_id);

create table credit_report_query (
    id               bigserial primary key,
    bank_id          bigint       not null,
    customer_id      bigint       not null references customer (id),
    authorisation_id bigint       not null references customer_document (id),
    purpose          varchar(200) not null,
    queried_by       bigint       not null,
    queried_at       timestamptz  not null default now()
);

create table customer_questionnaire (
    customer_id bigint primary key references customer (id),
    bank_id     bigint      not null,
    answers     jsonb       not null,
    answered_on date        not null,
    recorded_by bigint,
    recorded_at timestamptz not null default now()
);

-- The provincial template's other fields, as each bank configures them (R4).
create table filing_field (
    bank_id   bigint       not null references bank (id),
    key       varchar(40)  not null,
    label_zh  varchar(60)  not null,
    label_en  varchar(60)  not null,
    kind      varchar(10)  not null check (kind in ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
    required  boolean      not null default false,
    options   varchar(500),
    position  integer      not null default 0,
    primary key (bank_id, key)
);
