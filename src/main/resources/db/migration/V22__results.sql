-- Results (issue 5 points 5-10): a run aggregates either one panel (panel_id) or the whole bank (null), and the
-- current pre-credit view also names the rule set version, the band flag and the run (columns added at the end,
-- the contract's columns first and unchanged).
alter table review_aggregation_run add column panel_id bigint;
create index review_aggregation_run_panel on review_aggregation_run (panel_id, id) where panel_id is not null;

create or replace view review_pre_credit as
select distinct on (a.household_id)
       a.id              as aggregation_id,
       a.bank_id,
       a.household_id,
       h.branch_id,
       h.area_id,
       a.status,
       a.eligible,
       a.proposed_amount as amount,
       a.grade,
       a.computed_at,
       a.rule_set_version,
       a.band,
       a.run_id
  from review_aggregation a
  join household h on h.id = a.household_id
 order by a.household_id, a.id desc;
