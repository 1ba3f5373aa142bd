-- Issue 10: publicity coverage shown with the other coverage figures (R34), and objections from the public page
-- entering the notice's objection list (R27, R33).

-- the dashboard's precomputed per-area figures gain publicity coverage (sunshine.shared.PublicityReach beans):
-- households reached (capped at the area's households) and the households to reach
alter table dashboard_area_figure add column publicity_reached bigint not null default 0;
alter table dashboard_area_figure add column publicity_households bigint not null default 0;

-- an objection raised on an area's public page is recorded by nobody on the staff: it names the complaint it came
-- from instead (the complaint log keeps the caller's phone for the call back; the objection never shows it)
alter table approval_objection alter column recorded_by drop not null;
alter table approval_objection add column complaint_id bigint references complaint (id);
alter table approval_objection add constraint approval_objection_recorded
    check (recorded_by is not null or complaint_id is not null);

-- the notice line a public objection was about (the name as posted), so the log shows where it went
alter table complaint add column notice_line_name varchar(50);
