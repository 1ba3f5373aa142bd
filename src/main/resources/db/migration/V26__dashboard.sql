-- Dashboards (issue 8, R9, R30): the bank's targets, the precomputed per-area figures behind the coverage and
-- funnel pages (refreshed on a schedule; readers never wait: a refresh replaces a bank's rows in one transaction),
-- and the CRM segment rules saved by head office.

-- R9's targets per bank (no row: 95% filing, 70% pre-credit) and the credit term the batch template states
create table dashboard_setting (
    bank_id           bigint        primary key references bank (id),
    filing_target     numeric(5, 2) not null default 95 check (filing_target > 0 and filing_target <= 100),
    pre_credit_target numeric(5, 2) not null default 70 check (pre_credit_target > 0 and pre_credit_target <= 100),
    term_months       integer       not null default 36 check (term_months between 1 and 120),
    version           integer       not null default 0,
    updated_by        bigint,
    updated_at        timestamptz   not null default now()
);

-- one row per active area: where it sits (copied at refresh, so a page needs no join) and its coverage figures
create table dashboard_area_figure (
    area_id               bigint        primary key,
    bank_id               bigint        not null,
    branch_id             bigint        not null,
    -- the branch's materialised path: DataScope's condition works on this table as on branch
    path                  varchar(500)  not null,
    branch_name           varchar(100)  not null,
    area_name             varchar(100)  not null,
    division_code         char(12),
    manager_id            bigint,
    manager_name          varchar(50),
    actual_households     bigint        not null,
    filed_households      bigint        not null,
    filed_people          bigint        not null,
    excluded_people       bigint        not null,
    eligible_households   bigint        not null,
    pre_credit_households bigint        not null,
    pre_credit_amount     numeric(18, 2) not null,
    refreshed_at          timestamptz   not null
);
create index dashboard_area_figure_path on dashboard_area_figure (bank_id, path varchar_pattern_ops);
create index dashboard_area_figure_manager on dashboard_area_figure (manager_id);

-- per area and funnel step (sunshine.shared.FunnelStep beans): households and their amount
create table dashboard_funnel_figure (
    area_id     bigint        not null,
    bank_id     bigint        not null,
    step_order  integer       not null,
    households  bigint        not null,
    amount      numeric(18, 2) not null,
    primary key (area_id, step_order)
);
create index dashboard_funnel_figure_bank on dashboard_funnel_figure (bank_id);

-- the funnel's steps as last refreshed per bank (which steps exist, their names)
create table dashboard_funnel_step (
    bank_id     bigint       not null,
    step_order  integer      not null,
    message_key varchar(100) not null,
    primary key (bank_id, step_order)
);

-- when each bank's figures were last refreshed, and how long it took
create table dashboard_refresh (
    bank_id      bigint      primary key,
    refreshed_at timestamptz not null,
    millis       bigint      not null
);

-- CRM segment rules saved by head office (R30): every criterion optional, all given ones must hold
create table dashboard_segment (
    id            bigserial    primary key,
    bank_id       bigint       not null references bank (id),
    name          varchar(60)  not null,
    customer_type varchar(30),
    area_id       bigint,
    grade         varchar(10),
    has_limit     boolean,
    excluded      boolean,
    created_by    bigint,
    created_at    timestamptz  not null default now(),
    unique (bank_id, name)
);
