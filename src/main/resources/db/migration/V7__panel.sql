-- Panel module: working groups (R1), the rollout plan and the campaign calendar (R3), review panels with their
-- members and areas (R12, R13), and training (R14). Every row carries bank_id; the owning branch decides scope.

-- R1: a working group per branch: one leader, deputies, members, each with what they are responsible for
create table working_group_member (
    bank_id   bigint      not null,
    branch_id bigint      not null,
    staff_id  bigint      not null,
    position  varchar(10) not null check (position in ('LEADER', 'DEPUTY', 'MEMBER')),
    duty      varchar(200),
    primary key (branch_id, staff_id),
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    foreign key (bank_id, staff_id) references staff (bank_id, id)
);
create unique index working_group_one_leader on working_group_member (branch_id) where position = 'LEADER';

-- R3: the bank's campaign calendar (seed 003's five phases by default), one row per phase
create table campaign_phase (
    bank_id   bigint      not null references bank (id),
    position  smallint    not null,
    code      varchar(20) not null,
    starts_on date        not null,
    ends_on   date        not null,
    primary key (bank_id, position),
    unique (bank_id, code),
    check (ends_on >= starts_on)
);

-- R3: the rollout plan (工作配档表), one row per area; the responsible account manager is the area's own
create table rollout_plan (
    area_id              bigint      primary key,
    bank_id              bigint      not null,
    planned_rating       date,
    planned_granting     date,
    planned_certificates date,
    actual_rating        date,
    actual_granting      date,
    actual_certificates  date,
    note                 varchar(200),
    version              integer     not null default 0,
    updated_at           timestamptz not null default now(),
    updated_by           bigint,
    foreign key (bank_id, area_id) references area (bank_id, id)
);

-- R12: review panels (评议小组)
create table panel (
    id           bigserial primary key,
    bank_id      bigint       not null,
    branch_id    bigint       not null,
    kind         varchar(12)  not null check (kind in ('VILLAGE', 'STREET', 'INSTITUTION', 'OTHER')),
    status       varchar(10)  not null default 'DRAFT' check (status in ('DRAFT', 'CONFIRMED', 'DISSOLVED')),
    name         varchar(100) not null,
    note         varchar(300),
    version      integer      not null default 0,
    created_at   timestamptz  not null default now(),
    created_by   bigint,
    updated_at   timestamptz  not null default now(),
    confirmed_at timestamptz,
    confirmed_by bigint,
    unique (bank_id, id),
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index panel_branch on panel (branch_id, status);

create table panel_area (
    panel_id bigint not null references panel (id) on delete cascade,
    bank_id  bigint not null,
    area_id  bigint not null,
    primary key (panel_id, area_id),
    foreign key (bank_id, area_id) references area (bank_id, id)
);
create index panel_area_area on panel_area (area_id);

create table panel_member (
    id           bigserial primary key,
    panel_id     bigint      not null references panel (id) on delete cascade,
    bank_id      bigint      not null,
    -- booklet copy number: 1..n for regular members, then the alternates (renumbered on every change)
    seat         integer     not null,
    name         varchar(50) not null,
    role         varchar(30) not null check (role in ('CADRE', 'GRADUATE_OFFICIAL', 'AGENCY_STAFF', 'SHOPKEEPER',
                              'LARGE_GROWER', 'SENIOR_PARTY_MEMBER', 'RESIDENT_REPRESENTATIVE', 'BANK_STAFF')),
    phone        varchar(20),
    resident_id  char(18),
    -- R13: the member's own household when they are a filed customer of the bank (matched by resident ID)
    household_id bigint,
    staff_id     bigint,
    alternate    boolean     not null default false,
    created_at   timestamptz not null default now(),
    foreign key (bank_id, staff_id) references staff (bank_id, id),
    check ((role = 'BANK_STAFF') = (staff_id is not null))
);
create index panel_member_panel on panel_member (panel_id, seat);

-- status transitions (confirm, reopen, dissolve): who, when, why
create table panel_history (
    id          bigserial primary key,
    panel_id    bigint      not null references panel (id),
    from_status varchar(10),
    to_status   varchar(10) not null,
    reason      varchar(300),
    actor_id    bigint,
    actor_name  varchar(60),
    at          timestamptz not null default now()
);
create index panel_history_panel on panel_history (panel_id, at);

-- R14: training sessions for panel members
create table training_session (
    id         bigserial primary key,
    bank_id    bigint       not null,
    branch_id  bigint       not null,
    held_on    date         not null,
    content    varchar(500) not null,
    trainer    varchar(50)  not null,
    place      varchar(100),
    version    integer      not null default 0,
    created_at timestamptz  not null default now(),
    created_by bigint,
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index training_session_branch on training_session (branch_id, held_on);

create table training_attendee (
    session_id bigint not null references training_session (id) on delete cascade,
    member_id  bigint not null references panel_member (id) on delete cascade,
    primary key (session_id, member_id)
);
create index training_attendee_member on training_attendee (member_id);
