-- CRM segment rules on usage (R30, issue 8 point 6): holds an open credit line; no draw in the last N months
-- (e.g. "farmers with a limit but no draw in 6 months")
alter table dashboard_segment add column has_line boolean;
alter table dashboard_segment add column no_draw_months integer check (no_draw_months between 1 and 120);
