-- Publicity (R27, R33-R35): published terms per bank in versions, the rate table by credit grade, the short link of
-- each area's public page, the complaint log and the publicity activities per area.

-- A version of the bank's public terms (R35). Never changed after publication: a change is a new version. What was
-- in force on a day is the version with the latest effective_from on or before it (the higher version on a tie).
create table published_terms (
    id                bigserial primary key,
    bank_id           bigint       not null references bank (id),
    version           integer      not null check (version > 0),
    effective_from    date         not null,
    conditions        text         not null,
    process           text         not null,
    commitments       text         not null,
    supervision_phone varchar(30)  not null,
    complaint_phone   varchar(30)  not null,
    published_by      bigint,
    published_at      timestamptz  not null default now(),
    unique (bank_id, version),
    unique (bank_id, id),
    foreign key (bank_id, published_by) references staff (bank_id, id)
);
create index published_terms_date on published_terms (bank_id, effective_from desc, version desc);

-- The interest-rate pricing by credit grade of one terms version (R35: the rate follows the grade), percent a year.
create table terms_rate (
    terms_id    bigint        not null references published_terms (id),
    grade       varchar(10)   not null,
    position    integer       not null,
    annual_rate numeric(7, 4) not null check (annual_rate > 0 and annual_rate < 100),
    primary key (terms_id, grade)
);

-- The unguessable token of an area's public page (the short link on the poster and its QR code).
create table area_public_link (
    area_id    bigint      primary key references area (id),
    bank_id    bigint      not null references bank (id),
    token      varchar(32) not null unique,
    created_at timestamptz not null default now()
);

-- The complaint log (R33): objections and complaints from the public page or taken on the supervision phone.
create table complaint (
    id          bigserial primary key,
    bank_id     bigint       not null references bank (id),
    branch_id   bigint       not null,
    area_id     bigint       references area (id),
    channel     varchar(12)  not null check (channel in ('PUBLIC_PAGE', 'PHONE', 'VISIT')),
    kind        varchar(10)  not null check (kind in ('OBJECTION', 'COMPLAINT')),
    name        varchar(50),
    phone       varchar(20)  not null,
    content     varchar(2000) not null,
    status      varchar(12)  not null default 'RECEIVED'
                check (status in ('RECEIVED', 'ASSIGNED', 'FOLLOWED_UP', 'CLOSED')),
    assignee_id bigint,
    received_at timestamptz  not null default now(),
    closed_at   timestamptz,
    version     integer      not null default 0,
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    foreign key (bank_id, assignee_id) references staff (bank_id, id)
);
create index complaint_branch on complaint (branch_id, status, received_at desc);

-- What was done with a complaint, step by step (never changed).
create table complaint_step (
    id           bigserial primary key,
    complaint_id bigint       not null references complaint (id),
    status       varchar(12)  not null,
    note         varchar(2000),
    staff_id     bigint       references staff (id),
    assignee_id  bigint       references staff (id),
    at           timestamptz  not null default now()
);
create index complaint_step_complaint on complaint_step (complaint_id, id);

-- Publicity activities per area (R34): day, method, materials, who did it, households reached.
create table publicity_activity (
    id                 bigserial primary key,
    bank_id            bigint       not null references bank (id),
    branch_id          bigint       not null,
    area_id            bigint       not null references area (id),
    held_on            date         not null,
    method             varchar(20)  not null
                       check (method in ('BROADCAST', 'RADIO', 'NOTICE_BOARD', 'LEAFLET', 'VAN', 'NEWSPAPER', 'MEETING')),
    materials          varchar(300),
    staff_names        varchar(200) not null,
    households_reached integer      not null default 0 check (households_reached >= 0),
    recorded_by        bigint       references staff (id),
    recorded_at        timestamptz  not null default now(),
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index publicity_activity_area on publicity_activity (area_id, held_on);
create index publicity_activity_branch on publicity_activity (branch_id);

-- R27's policy per bank: PUBLIC (seed 000: proposed amounts posted for at least 5 days) or INTERNAL (seed 003: the
-- pre-credit is never shown to customers). No row = INTERNAL. The approval module will set and use it.
create table notice_policy (
    bank_id bigint      primary key references bank (id),
    mode    varchar(10) not null default 'INTERNAL' check (mode in ('PUBLIC', 'INTERNAL'))
);
