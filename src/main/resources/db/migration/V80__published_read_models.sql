-- What organisation and targets publish for the other modules to read (docs/architecture.md,
-- "Tables and what each module publishes"). Another module names these, never the tables behind
-- them, so each rule below is written once and its owner may change its tables freely.
-- Explicit column lists: a view's "*" is fixed when it is created. A version (and a document's
-- updated_at) is published for cache keys such as the public site's ETag.

-- organisation ------------------------------------------------------------------------------------

-- The region tree as other modules see it: names, levels, parents and the years a region is active.
create view region_directory as
select code, name, level, parent_code, active, active_until, version
from region;

-- The departments of each region's government.
create view department_directory as
select id, region_code, name, short_name, kind, active, version
from department;

-- A region and every region below it, active or not: the one subtree query.
create function region_subtree(root varchar) returns table (code varchar)
    language sql stable parallel safe as $$
    with recursive below (code) as (
        select r.code from region r where r.code = root
        union all
        select r.code from region r join below b on r.parent_code = b.code)
    select below.code from below $$;

comment on function region_subtree(varchar) is
    'The region and all regions below it (organisation; docs/architecture.md).';

-- Accounts by username, for showing who someone is.
create view account_directory as
select id, username, display_name, department_id, enabled
from user_account;

-- targets -----------------------------------------------------------------------------------------

-- A target's terms with its indicator and its goal area. The goal area rule lives here only: the
-- area of the target's goal, else the indicator's category.
create view target_term as
select t.id, t.indicator_id, t.region_code, t.document_id, t.goal_id, t.parent_target_id,
       t.comparator, t.value, t.value_max, t.tolerance, t.unit, t.baseline_value, t.baseline_year,
       t.deadline_year, t.increment, t.lead_department_id,
       i.code as indicator_code, i.name as indicator_name, i.value_type, i.direction, i.aggregation,
       i.decimals, i.reporting_frequency,
       coalesce(g.area, i.category) as area
from target t
join indicator i on i.id = t.indicator_id
left join goal g on g.id = t.goal_id;

comment on view target_term is
    'Targets with their indicator and goal area, coalesce(goal area, indicator category) (targets).';

-- The indicator catalogue: definitions, units, how figures combine and how often they are asked for.
create view indicator_directory as
select id, code, name, category, unit, value_type, direction, aggregation, definition, numerator_definition,
       denominator_definition, supplier_department_id, active, reporting_frequency, decimals, version
from indicator;

-- The goals a document states, in its order.
create view goal_directory as
select id, document_id, area, title, position, version
from goal;

-- The departments that cooperate on a target (the lead department is on target_term).
create view target_cooperation as
select target_id, department_id
from target_cooperating_department;

-- The tasks each department leads or cooperates on, once per department and task.
create view department_task as
select d.department_id, k.id as task_id, k.document_id, k.goal_id, k.title, k.due_year, k.status,
       k.lead_department_id = d.department_id as lead
from task k
cross join lateral (select k.lead_department_id
                    union select c.department_id from task_cooperating_department c where c.task_id = k.id) d (department_id)
where d.department_id is not null;

-- A target's yearly milestones.
create view target_milestone as
select target_id, year, value
from milestone;

-- documents ---------------------------------------------------------------------------------------

-- Policy documents without their text: what other modules show and what decides which targets count.
create view document_directory as
select id, title, issuer, doc_number, level, region_code, issue_date, effective_from, effective_to, status,
       repealed_on, superseded_by_id, updated_at, version
from policy_document;

-- reporting ---------------------------------------------------------------------------------------
-- (reporting_obligation, reporting_obligation_unit: V16.)

-- Reported figures with the period they are for, and the assessment's facts stored on them.
create view reported_figure as
select v.id, v.indicator_id, v.region_code, v.period_id, p.year, p.kind, p.number, v.value, v.numerator,
       v.denominator, v.status, v.first_submitted_at, v.submitted_late, v.return_count
from indicator_value v
join reporting_period p on p.id = v.period_id;

-- The years with an annual reporting period, and whether it is closed.
create view reporting_year as
select year, status = 'CLOSED' as closed
from reporting_period
where kind = 'ANNUAL';

-- audit -------------------------------------------------------------------------------------------

-- The audit trail of one thing, oldest first.
create function audit_history(of_entity varchar, of_entity_id bigint)
    returns table (id bigint, occurred_at timestamptz, actor varchar, action varchar, old_state jsonb, new_state jsonb,
                   reason text)
    language sql stable as $$
    select a.id, a.occurred_at, a.actor, a.action, a.old_state, a.new_state, a.reason
    from audit_log a where a.entity = of_entity and a.entity_id = of_entity_id
    order by a.occurred_at, a.id $$;

-- progress ----------------------------------------------------------------------------------------

-- A number that grows whenever a status may have changed (a figure, target, milestone, indicator
-- or region), for cache keys such as the public site's ETag.
create function progress_version() returns bigint
    language sql stable as $$ select coalesce(max(id), 0) from progress_change $$;
