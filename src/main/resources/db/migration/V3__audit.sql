-- The audit log: append-only, one hash chain per bank (bank_id 0: platform-level events).
-- Each entry's hash covers its content and the previous entry's hash, so an edit made directly in the
-- database breaks the chain and is found by the verification (AuditVerifier).

create table audit_log (
    id          bigserial primary key,
    bank_id     bigint      not null,
    seq         bigint      not null,
    at          timestamptz not null,
    actor_id    bigint,
    actor_name  varchar(60),
    action      varchar(40) not null,
    entity_type varchar(40) not null,
    entity_id   varchar(40),
    before_json text,
    after_json  text,
    prev_hash   char(64)    not null,
    hash        char(64)    not null,
    unique (bank_id, seq)
);
create index audit_log_entity on audit_log (bank_id, entity_type, entity_id);
create index audit_log_at on audit_log (bank_id, at);

create table audit_chain_head (
    bank_id bigint primary key,
    seq     bigint   not null,
    hash    char(64) not null
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
