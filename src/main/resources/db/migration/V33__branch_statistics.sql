-- The branch table is tiny (a bank's few dozen branches), below autovacuum's default analyze threshold (50 rows +
-- 10%), so it never had statistics: every scoped query's `b.path like '/1/%'` was then estimated at one branch and
-- planned as nested loops over big tables. Analyze it after any handful of changes.
alter table branch set (autovacuum_analyze_threshold = 5, autovacuum_analyze_scale_factor = 0);
-- (No ANALYZE here: on the still empty table it would record zero rows, and the planner would then believe the
-- table empty until autovacuum came by, which is worse than no statistics at all: a 20,000-row re-import's
-- classify step took 47 s instead of 75 ms that way.)
