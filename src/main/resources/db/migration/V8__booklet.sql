-- Review booklets (R16): every print of a panel's booklet is a version, so that a filled-in copy typed in later
-- (issue 5) can be matched to exactly the households, in exactly the order, that were on the paper.
-- panel_id refers to panel (V7, panel module); no foreign key across modules, the panel module owns that table.

create table booklet_print (
    id             bigserial primary key,
    bank_id        bigint      not null references bank (id),
    branch_id      bigint      not null,
    panel_id       bigint      not null,
    -- 1, 2, 3 … per panel; printed on every page as P{panel}-V{version}-C{copy}
    version        integer     not null check (version > 0),
    printed_by     bigint,
    printed_by_name varchar(50) not null,
    printed_at     timestamptz not null default now(),
    households     integer     not null check (households >= 0),
    -- SHA-256 of what the booklet shows (panel, members, rows); a print of unchanged content reuses the version
    content_hash   char(64)    not null,
    -- the members as printed on the covers: [{"copy":1,"name":"…","role":"…","householdId":…}, …]
    seats          jsonb       not null,
    unique (panel_id, version),
    foreign key (bank_id, branch_id) references branch (bank_id, id)
);
create index booklet_print_branch on booklet_print (branch_id);

create table booklet_print_row (
    print_id     bigint  not null references booklet_print (id) on delete cascade,
    row_no       integer not null check (row_no > 0),
    household_id bigint  not null,
    primary key (print_id, row_no)
);
