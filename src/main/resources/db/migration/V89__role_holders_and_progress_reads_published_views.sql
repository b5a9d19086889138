-- Module boundaries at the database (issue 17, docs/architecture.md "Tables and what each module
-- publishes"): what organisation publishes for the worklist's reminders and announcements, and
-- progress's trigger functions reading targets' published view instead of its table.

-- organisation ------------------------------------------------------------------------------------

-- Who acts in which role now: one row per enabled account and role it holds, with its unit, the
-- unit's region and whether its scope takes in the regions below (DataScope). Announcements and
-- reminders find their recipients here; a disabled account receives nothing.
create view role_holder as
select a.id as account_id, a.username, ro.role, a.department_id, d.region_code,
       a.scope_includes_subregions as subregions
from user_account a
join user_account_role ro on ro.account_id = a.id
join department d on d.id = a.department_id
where a.enabled;

comment on view role_holder is
    'Enabled accounts with each role they hold, their unit, its region and whether their scope includes the regions below (organisation).';

-- A region and every region above it, depth 0 for the region itself: whose scope may cover it.
-- The counterpart of region_subtree (V80).
create function region_ancestry(leaf varchar) returns table (code varchar, depth integer)
    language sql stable parallel safe as $$
    with recursive above (code, depth) as (
        select r.code, 0 from region r where r.code = leaf
        union all
        select r.parent_code, a.depth + 1 from above a join region r on r.code = a.code where r.parent_code is not null)
    select above.code, above.depth from above $$;

comment on function region_ancestry(varchar) is
    'The region and all regions above it, with their distance (organisation; docs/architecture.md).';

-- progress ----------------------------------------------------------------------------------------

-- A milestone or a document changed: which indicators' statuses may move, read from targets'
-- published target_term (all targets, drafts' too) instead of its table. Same rows as V55's.
create or replace function progress_milestone_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id)
    select indicator_id from target_term where id = coalesce(new.target_id, old.target_id);
    return null;
end $$;

create or replace function progress_document_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id) select distinct indicator_id from target_term where document_id = new.id;
    return null;
end $$;
