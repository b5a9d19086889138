-- The views of V16 read other modules' tables directly; the same definitions, reading what those
-- modules publish (V80) instead, so that targets, documents and organisation may change their
-- tables behind their views. Same columns and rows (create or replace keeps dependants).

-- targets: which targets count depends on their document's status and dates.
create or replace view counted_target as
select t.id as target_id, t.indicator_id, t.region_code, t.document_id,
       coalesce(greatest(t.baseline_year, s.in_force_from), 1949) as first_year,
       coalesce(least(t.deadline_year, s.in_force_until), t.deadline_year) as last_year
from target t
join document_directory d on d.id = t.document_id and d.status <> 'DRAFT'
cross join lateral (
    select extract(year from coalesce(d.effective_from, d.issue_date))::integer as in_force_from,
           least(extract(year from d.effective_to)::integer,
                 case when d.status in ('REPEALED', 'EXPIRED') then extract(year from d.repealed_on)::integer end)
               as in_force_until) s;

-- reporting: what is due.
create or replace view reporting_obligation_source as
with recursive below (ancestor_code, code) as (
    select code, code from region_directory
    union all
    select b.ancestor_code, r.code from below b join region_directory r on r.parent_code = b.code)
select r.code as region_code, c.indicator_id, p.id as period_id, p.year, p.kind, p.number, p.due_on, c.target_id
from counted_target c
join indicator_directory i on i.id = c.indicator_id and i.aggregation = 'NONE'
join reporting_period p on p.year between c.first_year and c.last_year
     and (p.kind = 'ANNUAL' or p.kind = i.reporting_frequency)
join region_directory r on r.code = c.region_code and region_active_in(r.active, r.active_until, p.year)
union all
select r.code, c.indicator_id, p.id, p.year, p.kind, p.number, p.due_on, c.target_id
from counted_target c
join indicator_directory i on i.id = c.indicator_id and i.aggregation <> 'NONE'
join reporting_period p on p.year between c.first_year and c.last_year
     and (p.kind = 'ANNUAL' or p.kind = i.reporting_frequency)
join below b on b.ancestor_code = c.region_code
join region_directory r on r.code = b.code and region_active_in(r.active, r.active_until, p.year)
where not exists (select 1 from region_directory k
                  where k.parent_code = r.code and region_active_in(k.active, k.active_until, p.year));

create or replace view reporting_obligation_unit as
select distinct s.region_code, s.indicator_id, s.period_id, s.year, s.kind, s.number, s.due_on, u.id as department_id
from reporting_obligation_source s
join target_term t on t.id = s.target_id
join lateral (select t.lead_department_id as department_id
              union select c.department_id from target_cooperation c where c.target_id = t.id) a
     on a.department_id is not null
join department_directory named on named.id = a.department_id
join department_directory u on u.active and u.region_code = s.region_code
     and (u.id = named.id or (t.region_code <> s.region_code and u.kind = named.kind));
