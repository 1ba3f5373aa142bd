-- Login accounts of staff and their personal API tokens. Usernames are unique across the platform.

create table user_account (
    staff_id        bigint primary key references staff (id),
    bank_id         bigint       not null references bank (id),
    username        varchar(50)  not null,
    password_hash   varchar(100) not null,
    failed_attempts integer      not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz  not null default now()
);
create unique index user_account_username on user_account (lower(username));

create table api_token (
    id           bigserial primary key,
    bank_id      bigint      not null references bank (id),
    staff_id     bigint      not null references staff (id),
    name         varchar(60) not null,
    token_hash   char(64)    not null unique,
    token_prefix varchar(16) not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_staff on api_token (staff_id);
