-- Approval (R26-R27): the bank's approval chain, one case per household of a fixed final list with its immutable
-- decisions, the public notice per village with its objections, and the bank's settings for both.

-- The bank's settings: days a notice stays posted (R27: at least 5) and the credit term shown on the notice.
-- No row = the defaults (5 days, 36 months). The PUBLIC/INTERNAL policy itself lives in publicity's notice_policy.
create table approval_setting (
    bank_id     bigint      primary key references bank (id),
    notice_days integer     not null default 5 check (notice_days between 5 and 60),
    term_months integer     not null default 36 check (term_months between 1 and 120),
    version     integer     not null default 0,
    updated_by  bigint      references staff (id),
    updated_at  timestamptz not null default now()
);

-- The bank's chain (R26), in order. A stage with above_amount applies only to cases whose amount is above it
-- (routing by amount, e.g. head-office credit above 300,000). No rows = the default chain.
create table approval_stage (
    bank_id      bigint         not null references bank (id),
    position     integer        not null check (position > 0),
    stage        varchar(30)    not null,
    role         varchar(40)    not null,
    above_amount numeric(18, 2) check (above_amount is null or above_amount >= 0),
    primary key (bank_id, position),
    unique (bank_id, stage)
);

-- One household of a fixed final list going through the chain. version: optimistic locking of every decision.
create table approval_case (
    id              bigserial primary key,
    bank_id         bigint         not null references bank (id),
    branch_id       bigint         not null,
    area_id         bigint         not null references area (id),
    household_id    bigint         not null references household (id),
    final_list_id   bigint         not null,
    aggregation_id  bigint,
    proposed_amount numeric(18, 2) not null check (proposed_amount > 0),
    amount          numeric(18, 2) not null check (amount > 0),
    grade           varchar(10),
    status          varchar(20)    not null default 'IN_CHAIN'
                    check (status in ('IN_CHAIN', 'AWAITING_NOTICE', 'APPROVED', 'OBJECTED', 'REJECTED', 'REMOVED',
                                      'SUPERSEDED')),
    stage           varchar(30),
    pass            integer        not null default 1 check (pass > 0),
    proposed_by     bigint         references staff (id),
    approved_on     date,
    notice_id       bigint,
    grantable_from  date,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    version         integer        not null default 0,
    foreign key (bank_id, branch_id) references branch (bank_id, id),
    check ((status = 'IN_CHAIN') = (stage is not null))
);
-- at most one live case per household: a newly fixed list supersedes the older case
create unique index approval_case_live on approval_case (household_id)
    where status not in ('REJECTED', 'REMOVED', 'SUPERSEDED');
create index approval_case_queue on approval_case (bank_id, stage, area_id) where status = 'IN_CHAIN';
create index approval_case_area on approval_case (area_id, status);

-- A decision (R26): never changed or deleted. One per stage and pass of a case (a referral back starts a new pass).
create table approval_decision (
    id             bigserial primary key,
    case_id        bigint         not null references approval_case (id),
    pass           integer        not null,
    stage          varchar(30)    not null,
    kind           varchar(20)    not null check (kind in ('APPROVE', 'CHANGE_AMOUNT', 'REFER_BACK', 'REJECT')),
    amount_before  numeric(18, 2) not null,
    amount_after   numeric(18, 2) not null,
    refer_to       varchar(30),
    reason         varchar(1000),
    decided_by     bigint         not null references staff (id),
    decided_by_name varchar(50)   not null,
    decided_at     timestamptz    not null default now(),
    unique (case_id, pass, stage)
);

create function approval_record_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% is immutable: % is not allowed', tg_table_name, tg_op;
end;
$$;
create trigger approval_decision_immutable before update or delete on approval_decision
    for each row execute function approval_record_immutable();
create trigger approval_decision_no_truncate before truncate on approval_decision
    for each statement execute function approval_record_immutable();

-- A public notice of a village (R27): posted on a day for period_days days; its lines as posted.
create table approval_notice (
    id                bigserial primary key,
    bank_id           bigint      not null references bank (id),
    branch_id         bigint      not null,
    area_id           bigint      not null references area (id),
    posted_on         date        not null,
    period_days       integer     not null check (period_days >= 5),
    term_months       integer     not null,
    supervision_phone varchar(30),
    posted_by         bigint      not null references staff (id),
    posted_by_name    varchar(50) not null,
    posted_at         timestamptz not null default now(),
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index approval_notice_area on approval_notice (area_id, posted_on desc);

create table approval_notice_line (
    notice_id      bigint         not null references approval_notice (id),
    case_id        bigint         not null references approval_case (id),
    household_name varchar(50)    not null,
    amount         numeric(18, 2) not null,
    primary key (notice_id, case_id)
);
create trigger approval_notice_line_immutable before update or delete on approval_notice_line
    for each row execute function approval_record_immutable();

-- An objection raised during a notice period (R27): who, how received, what; closed as keep, revise or remove.
create table approval_objection (
    id           bigserial primary key,
    bank_id      bigint        not null references bank (id),
    branch_id    bigint        not null,
    notice_id    bigint        not null references approval_notice (id),
    case_id      bigint        not null references approval_case (id),
    objector     varchar(50)   not null,
    received_via varchar(12)   not null check (received_via in ('VISIT', 'PHONE', 'LETTER', 'PUBLIC_PAGE')),
    content      varchar(2000) not null,
    received_on  date          not null,
    recorded_by  bigint        not null references staff (id),
    recorded_at  timestamptz   not null default now(),
    status       varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'KEPT', 'REVISED', 'REMOVED')),
    outcome      varchar(2000),
    closed_by    bigint        references staff (id),
    closed_at    timestamptz,
    version      integer       not null default 0,
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index approval_objection_case on approval_objection (case_id, status);
create index approval_objection_notice on approval_objection (notice_id);
