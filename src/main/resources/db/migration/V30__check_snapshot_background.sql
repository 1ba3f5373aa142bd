-- Snapshot uploads load in the background (issue 6 point 1 at a million rows): the request keeps the file and
-- answers at once; a worker reads, checks and stores every row in one transaction. Until then the snapshot is
-- LOADING (the checks never read it); a file that cannot be read, or a load cut off by a restart, is FAILED with
-- the reason (no rows kept). The same file for the same date is still one snapshot: uploading it again after a
-- failure loads it again under the same id.
alter table check_snapshot
    add column status      varchar(8)    not null default 'LOADED' check (status in ('LOADING', 'LOADED', 'FAILED')),
    add column error_key   varchar(100),
    add column error_args  text[],
    add column file_path   varchar(1000),
    add column load_millis bigint;
