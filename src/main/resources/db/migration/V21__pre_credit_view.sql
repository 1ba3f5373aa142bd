-- The current pre-credit of each household: its latest aggregation result (results are only ever added, the
-- latest row of a household is its current one). Checks, the final list and the dashboards read this view
-- rather than review_aggregation, so the review module can change how it stores results.
-- A household is on the pre-credit list when status = 'COMPLETE' and eligible and proposed_amount > 0.
create view review_pre_credit as
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
       a.computed_at
  from review_aggregation a
  join household h on h.id = a.household_id
 order by a.household_id, a.id desc;
