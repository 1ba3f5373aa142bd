-- Aggregation and rating (R19-R21): each bank's rule sets, one immutable row per version, and the results of
-- aggregating households, each with its full explanation (inputs, dropped values, means, cap, rounding, rating)
-- as JSON, so that a branch head or an auditor can redo it by hand.

create table review_rule_set (
    bank_id           bigint        not null references bank (id),
    version           integer       not null check (version > 0),
    -- THREE_OR_MORE, FOUR_OR_MORE or FIVE_REQUIRED (FewerThanFive)
    fewer_than_five   varchar(20)   not null,
    band_low          numeric(4, 2) not null,
    band_high         numeric(4, 2) not null,
    rounding_unit     numeric(18, 2) not null,
    product_maximum   numeric(18, 2) not null,
    ineligible_grades jsonb         not null default '[]'::jsonb,
    -- the rating table: factors with weights and bands or choices, grade thresholds (RatingTable as JSON)
    rating            jsonb         not null,
    note              varchar(500),
    created_by        bigint,
    created_by_name   varchar(60),
    created_at        timestamptz   not null default now(),
    primary key (bank_id, version)
);

-- a version once used must stay what it was: a change is a new version
create function review_rule_set_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'review_rule_set versions are immutable: insert a new version (% refused)', tg_op;
end;
$$;
create trigger review_rule_set_no_update before update on review_rule_set
    for each row execute function review_rule_set_immutable();

-- one batch aggregation of a bank's households under one rule set version
create table review_aggregation_run (
    id               bigserial primary key,
    bank_id          bigint      not null,
    rule_set_version integer     not null,
    started_by       bigint,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    households       integer     not null default 0,
    complete         integer     not null default 0,
    back_to_panel    integer     not null default 0,
    ineligible       integer     not null default 0,
    foreign key (bank_id, rule_set_version) references review_rule_set (bank_id, version)
);

-- Results are only ever added: the latest row of a household is its current result. A batch writes a million
-- rows at a time, so each row pays for as little as it can (docs/decisions.md): one index, the household's, which
-- is also the key; no foreign keys (the household comes from its estimates, the version from the run); the
-- explanation as json (validated, kept exactly as written, -> and ->> work; jsonb took four times as long to load).
create table review_aggregation (
    id               bigserial,
    bank_id          bigint        not null,
    household_id     bigint        not null,
    run_id           bigint,
    rule_set_version integer       not null,
    -- COMPLETE or BACK_TO_PANEL
    status           varchar(20)   not null,
    assets           numeric(18, 2),
    liabilities      numeric(18, 2),
    gross_income     numeric(18, 2),
    net_income       numeric(18, 2),
    suggested        numeric(18, 2),
    proposed_amount  numeric(18, 2),
    -- WITHIN, ABOVE or BELOW the band of R20
    band             varchar(10),
    score            numeric(6, 2),
    grade            varchar(10),
    eligible         boolean       not null,
    explanation      json          not null,
    computed_at      timestamptz   not null default now(),
    primary key (household_id, id)
);
