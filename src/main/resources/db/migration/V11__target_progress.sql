-- Progress: each target's status materialised per judged year and per "count submitted figures",
-- so dashboards read it with set-based SQL instead of recomputing it per request.
--
-- Freshness: every change that can move a status (figures, targets, milestones, indicators, the
-- region tree) appends a row to progress_change naming the indicator (null: all of them). A
-- materialised indicator is fresh while no change after its watermark exists. Writers take a
-- shared advisory lock (key 715100) in the same transaction; the refresher takes it exclusively
-- before reading the watermark, so it never records a watermark past a change it could not see.
-- Appending (instead of deleting cached rows) keeps writers from locking shared rows, so
-- concurrent reporters never deadlock on the cache.

create table progress_change (
    id           bigint generated always as identity primary key,
    indicator_id bigint,
    changed_at   timestamptz not null default now()
);
create index progress_change_indicator_idx on progress_change (indicator_id, id);

create table progress_freshness (
    indicator_id      bigint  not null references indicator (id) on delete cascade,
    as_of_year        integer not null,
    include_submitted boolean not null,
    watermark         bigint  not null,
    primary key (indicator_id, as_of_year, include_submitted)
);

create table target_progress (
    target_id         bigint         not null references target (id) on delete cascade,
    as_of_year        integer        not null,
    include_submitted boolean        not null,
    indicator_id      bigint         not null,
    status            varchar(24)    not null check (status in ('ACHIEVED', 'ON_TRACK', 'NEEDS_ACCELERATION', 'OFF_TRACK', 'OVERDUE', 'NO_DATA')),
    latest_year       integer,
    latest_value      numeric(18, 4),
    provisional       boolean        not null default false,
    source            varchar(8) check (source in ('OWN', 'SUM', 'WEIGHTED', 'MEAN')),
    milestone_value   numeric(18, 4),
    milestone_met     boolean,
    forecast_value    numeric(18, 4),
    ratio             numeric(18, 4),
    explanation       jsonb          not null,
    series            jsonb          not null default '[]',
    primary key (as_of_year, include_submitted, target_id)
);
create index target_progress_indicator_idx on target_progress (as_of_year, include_submitted, indicator_id);
create index target_progress_target_idx on target_progress (target_id);

create function progress_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(715100);
    if tg_op in ('INSERT', 'UPDATE') then
        insert into progress_change (indicator_id) select distinct indicator_id from changed_new;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into progress_change (indicator_id) select distinct indicator_id from changed_old;
    end if;
    return null;
end $$;

create trigger indicator_value_progress_insert after insert on indicator_value
    referencing new table as changed_new for each statement execute function progress_changed();
create trigger indicator_value_progress_update after update on indicator_value
    referencing new table as changed_new old table as changed_old for each statement execute function progress_changed();
create trigger indicator_value_progress_delete after delete on indicator_value
    referencing old table as changed_old for each statement execute function progress_changed();

create trigger target_progress_insert after insert on target
    referencing new table as changed_new for each statement execute function progress_changed();
create trigger target_progress_update after update on target
    referencing new table as changed_new old table as changed_old for each statement execute function progress_changed();
create trigger target_progress_delete after delete on target
    referencing old table as changed_old for each statement execute function progress_changed();

create function progress_milestone_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(715100);
    insert into progress_change (indicator_id)
    select indicator_id from target where id = coalesce(new.target_id, old.target_id);
    return null;
end $$;

create trigger milestone_progress after insert or update or delete on milestone
    for each row execute function progress_milestone_changed();

create function progress_indicator_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(715100);
    insert into progress_change (indicator_id) values (new.id);
    return null;
end $$;

create trigger indicator_progress after update on indicator
    for each row when (old.direction is distinct from new.direction or old.value_type is distinct from new.value_type
                       or old.aggregation is distinct from new.aggregation)
    execute function progress_indicator_changed();

create function progress_tree_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(715100);
    insert into progress_change (indicator_id) values (null);
    return null;
end $$;

create trigger region_progress after insert or delete or update of parent_code on region
    for each statement execute function progress_tree_changed();
