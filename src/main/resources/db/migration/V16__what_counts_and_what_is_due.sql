-- What counts and what is due (docs/progress.md "What counts", docs/architecture.md "Reporting").
--
-- 1. counted_target: the one rule for which targets count in a judged year. A target counts in the
--    years from its start (its baseline year, but never before its document came into force) to its
--    deadline, and only while its document is in force: drafts never count; a repealed or expired
--    document's targets count up to (and including) the year it stopped.
-- 2. region.active_until: the last year a deactivated region reported, so a region deactivated
--    today still counts in the years it was active, and never in the years after.
-- 3. reporting_obligation: the one definition of what is due (owned by the reporting module).
-- 4. The assessment facts of a figure (first submission, lateness, returns) are stored on it by a
--    trigger when they happen, backfilled here from the audit trail, so purging the audit trail
--    changes no score.

-- 1. What counts ---------------------------------------------------------------------------------

create view counted_target as
select t.id as target_id, t.indicator_id, t.region_code, t.document_id,
       coalesce(greatest(t.baseline_year, s.in_force_from), 1949) as first_year,
       coalesce(least(t.deadline_year, s.in_force_until), t.deadline_year) as last_year
from target t
join policy_document d on d.id = t.document_id and d.status <> 'DRAFT'
cross join lateral (
    select extract(year from coalesce(d.effective_from, d.issue_date))::integer as in_force_from,
           least(extract(year from d.effective_to)::integer,
                 case when d.status in ('REPEALED', 'EXPIRED') then extract(year from d.repealed_on)::integer end)
               as in_force_until) s;

comment on view counted_target is
    'Targets that count, with the judged years they count in (first_year..last_year). Drafts have no row.';

-- 2. Regions active in a year --------------------------------------------------------------------

alter table region add column active_until integer check (active_until between 1949 and 2100);

-- Regions deactivated before this migration: when is unknown, so they count in no year.
create function region_active_in(active boolean, active_until integer, judged_year integer) returns boolean
    language sql immutable parallel safe as $$ select coalesce(judged_year <= active_until, active) $$;

-- Deactivating a region ends its years with the last complete one, unless a year is given;
-- reactivating it makes it count again in every year.
create function region_active_until() returns trigger language plpgsql as $$
begin
    if new.active then
        new.active_until := null;
    elsif old.active and new.active_until is null then
        new.active_until := extract(year from now() at time zone 'Asia/Shanghai')::integer - 1;
    end if;
    return new;
end $$;

create trigger region_active_until before update of active, active_until on region
    for each row execute function region_active_until();

create trigger region_active_progress after update of active, active_until on region
    for each statement execute function progress_tree_changed();

-- A document's status or dates decide which of its targets count: statuses must be recomputed.
create function progress_document_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(715100);
    insert into progress_change (indicator_id) select distinct indicator_id from target where document_id = new.id;
    return null;
end $$;

create trigger policy_document_progress after update on policy_document
    for each row when (old.status is distinct from new.status or old.effective_from is distinct from new.effective_from
                       or old.effective_to is distinct from new.effective_to or old.repealed_on is distinct from new.repealed_on
                       or old.issue_date is distinct from new.issue_date)
    execute function progress_document_changed();

-- 3. What is due ---------------------------------------------------------------------------------

-- One row per counted target and figure it asks for: the target's own region, and, when the
-- indicator aggregates, every active region below it (the figure is then computed from them).
-- A region whose figure is computed from active regions below it owes nothing itself.
create view reporting_obligation_source as
with recursive below (ancestor_code, code) as (
    select code, code from region
    union all
    select b.ancestor_code, r.code from below b join region r on r.parent_code = b.code)
-- An indicator that does not aggregate: due from the target's own region only.
select r.code as region_code, c.indicator_id, p.id as period_id, p.year, p.kind, p.number, p.due_on, c.target_id
from counted_target c
join indicator i on i.id = c.indicator_id and i.aggregation = 'NONE'
join reporting_period p on p.year between c.first_year and c.last_year
     and (p.kind = 'ANNUAL' or p.kind = i.reporting_frequency)
join region r on r.code = c.region_code and region_active_in(r.active, r.active_until, p.year)
union all
-- One that aggregates: due from the target's region and every region below it that has no active
-- region below it that year (written as its own branch so the check is an anti-join, not a loop).
select r.code, c.indicator_id, p.id, p.year, p.kind, p.number, p.due_on, c.target_id
from counted_target c
join indicator i on i.id = c.indicator_id and i.aggregation <> 'NONE'
join reporting_period p on p.year between c.first_year and c.last_year
     and (p.kind = 'ANNUAL' or p.kind = i.reporting_frequency)
join below b on b.ancestor_code = c.region_code
join region r on r.code = b.code and region_active_in(r.active, r.active_until, p.year)
where not exists (select 1 from region k
                  where k.parent_code = r.code and region_active_in(k.active, k.active_until, p.year));

-- The reporting obligation: region × indicator × period. Grid rows, the xlsx template,
-- completeness, reminders, the overview and the assessment all read this view.
create view reporting_obligation as
select distinct region_code, indicator_id, period_id, year, kind, number, due_on
from reporting_obligation_source;

comment on view reporting_obligation is
    'What is due: one row per region, indicator and reporting period (docs/architecture.md, Reporting).';

-- Who in the region owes it: the lead and cooperating departments of the target; for a figure owed
-- to a target of a region above, the region's active departments of the same kinds.
create view reporting_obligation_unit as
select distinct s.region_code, s.indicator_id, s.period_id, s.year, s.kind, s.number, s.due_on, u.id as department_id
from reporting_obligation_source s
join target t on t.id = s.target_id
join lateral (select t.lead_department_id as department_id
              union select c.department_id from target_cooperating_department c where c.target_id = t.id) a
     on a.department_id is not null
join department named on named.id = a.department_id
join department u on u.active and u.region_code = s.region_code
     and (u.id = named.id or (t.region_code <> s.region_code and u.kind = named.kind));

-- 4. Assessment facts on the figure --------------------------------------------------------------

alter table indicator_value
    add column first_submitted_at timestamptz,
    add column submitted_late     boolean not null default false,
    add column return_count       integer not null default 0 check (return_count >= 0);

-- Late means first submitted after the period's due day had ended in Beijing.
create function indicator_value_facts() returns trigger language plpgsql as $$
begin
    if new.status = 'SUBMITTED' and new.first_submitted_at is null
       and (tg_op = 'INSERT' or old.status is distinct from 'SUBMITTED') then
        new.first_submitted_at := now();
        new.submitted_late := coalesce((select now() >= (p.due_on + 1)::timestamp at time zone 'Asia/Shanghai'
                                        from reporting_period p where p.id = new.period_id), false);
    end if;
    if new.status = 'RETURNED' and (tg_op = 'INSERT' or old.status is distinct from 'RETURNED') then
        new.return_count := (case when tg_op = 'INSERT' then 0 else old.return_count end) + 1;
    end if;
    return new;
end $$;

create trigger indicator_value_facts before insert or update of status on indicator_value
    for each row execute function indicator_value_facts();

-- Backfill from the audit trail while it still holds the history. Figures created as returned
-- (the demo) count one return, as before.
update indicator_value v set first_submitted_at = a.first_submitted,
                             submitted_late = coalesce(a.first_submitted >= (p.due_on + 1)::timestamp at time zone 'Asia/Shanghai', false)
from (select entity_id, min(occurred_at) as first_submitted from audit_log
      where entity = 'indicator_value' and action = 'SUBMIT' group by entity_id) a,
     reporting_period p
where a.entity_id = v.id and p.id = v.period_id;

update indicator_value v set return_count = greatest(a.returns, case when v.status = 'RETURNED' then 1 else 0 end)
from (select v2.id, (select count(*) from audit_log a
                     where a.entity = 'indicator_value' and a.entity_id = v2.id and a.action = 'RETURN') as returns
      from indicator_value v2) a
where a.id = v.id and (a.returns > 0 or v.status = 'RETURNED');
