-- Under a steady stream of reporters' writes (bench/load.sh, issue 18) every recomputation ended
-- what every page kept, and recomputed each changed indicator for every kept judged year, although
-- a figure of 2024 cannot change a status judged in 2023, and a county's figure changes the rows of
-- that county and the regions above it, not the other 111 counties'.
--
-- 1. A change row says the first judged year it can alter: a figure of year Y alters years Y and
--    later only (the statuses read figures of the judged year and before). Null: every year.
-- 2. It says whether only figures changed. Then a recomputation changes nothing but statuses, and
--    the regions whose pages change are exactly those whose materialised rows differ afterwards;
--    a change to targets, milestones, indicators, periods, documents or the tree changes what the
--    pages show beside the statuses, so it changes every region's page.
alter table progress_change
    add column from_year integer,
    add column figures_only boolean not null default false;
comment on column progress_change.from_year is
    'The first judged year this change can alter (a figure of year Y: Y and later); null: every year.';
comment on column progress_change.figures_only is
    'Only figures changed: a recomputation changes the pages of the regions whose statuses differ, no others.';

-- When a refresh last changed what every region's page shows (its first computation, or a change
-- to anything but figures); and when a figures-only refresh last changed a region's rows. A page
-- of one region keeps what it read while the later of the two stays the same (ProgressBoard.rows).
alter table progress_materialised add column terms_changed_at timestamptz;
update progress_materialised set terms_changed_at = refreshed_at;

create table progress_region_change (
    as_of_year        integer     not null,
    include_submitted boolean     not null,
    region_code       varchar(6)  not null,
    changed_at        timestamptz not null,
    primary key (as_of_year, include_submitted, region_code)
);

create or replace function progress_changed() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'indicator_value' then
        -- A figure's period year (reporting's published reporting_window) is the first year it counts in;
        -- a period gone with its figures (it has a change of its own for every year) leaves it null.
        if tg_op in ('INSERT', 'UPDATE') then
            insert into progress_change (indicator_id, from_year, figures_only)
            select n.indicator_id, case when bool_and(w.id is not null) then min(w.year) end, true from changed_new n left join reporting_window w on w.id = n.period_id
            group by n.indicator_id;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
            insert into progress_change (indicator_id, from_year, figures_only)
            select o.indicator_id, case when bool_and(w.id is not null) then min(w.year) end, true from changed_old o left join reporting_window w on w.id = o.period_id
            group by o.indicator_id;
        end if;
        return null;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into progress_change (indicator_id) select distinct indicator_id from changed_new;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into progress_change (indicator_id) select distinct indicator_id from changed_old;
    end if;
    return null;
end $$;
