-- Progress statuses are recomputed in the background, never under a lock writers wait for
-- (issue 18). Until now writers took a shared advisory lock (715100) in the triggers and the
-- refresher took it exclusively for its whole recomputation, so every writer waited while a reader
-- materialised a province (seconds).
--
-- Freshness without that lock: a change row now carries its transaction id, and a refresh records
-- the snapshot it started from beside its watermark. A change is absorbed by a refresh when its id
-- is at most the watermark and its transaction was visible in that snapshot; a change whose
-- transaction was still running then (its id may be lower than the watermark) is still ahead, so
-- no commit order can hide a change from the next refresh.

alter table progress_change add column xid xid8 not null default pg_current_xact_id();
create index progress_change_xid_idx on progress_change (xid);

alter table progress_freshness add column snapshot pg_snapshot;

-- The judged years (and "count submitted figures") kept fresh, when their statuses were last made
-- consistent (the "as of" that pages show while a recomputation is pending) and the watermark and
-- snapshot of that refresh, so "is anything pending?" is a probe or two whatever the size. A reader
-- asking for a year not yet materialised adds a row; the background refresher then computes it.
create table progress_materialised (
    as_of_year        integer     not null,
    include_submitted boolean     not null,
    requested_at      timestamptz not null default now(),
    refreshed_at      timestamptz,
    watermark         bigint      not null default 0,
    snapshot          pg_snapshot,
    primary key (as_of_year, include_submitted)
);
-- Freshness recorded before this migration was taken under the old exclusive lock: exact.
insert into progress_materialised (as_of_year, include_submitted, refreshed_at, watermark)
select as_of_year, include_submitted, now(), min(watermark) from progress_freshness group by as_of_year, include_submitted;

-- The triggers only append: no lock at all on the writer's path.
create or replace function progress_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into progress_change (indicator_id) select distinct indicator_id from changed_new;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into progress_change (indicator_id) select distinct indicator_id from changed_old;
    end if;
    return null;
end $$;

create or replace function progress_milestone_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id)
    select indicator_id from target where id = coalesce(new.target_id, old.target_id);
    return null;
end $$;

create or replace function progress_indicator_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id) values (new.id);
    return null;
end $$;

create or replace function progress_tree_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id) values (null);
    return null;
end $$;

create or replace function progress_document_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id) select distinct indicator_id from target where document_id = new.id;
    return null;
end $$;

-- What each region owes in a judged year (the reporting module's reporting_obligation, annual
-- periods), materialised per indicator together with its statuses, so the overview's completion
-- reads rows instead of expanding the obligation views over the whole tree on every request
-- (seconds at province scale). The rule stays the view's; only when it is evaluated moves.
create table progress_obligation (
    as_of_year   integer    not null,
    indicator_id bigint     not null references indicator (id) on delete cascade,
    region_code  varchar(6) not null,
    period_id    bigint     not null,
    primary key (as_of_year, indicator_id, region_code, period_id)
);
create index progress_obligation_region_idx on progress_obligation (as_of_year, region_code);

-- A new or removed period changes what is due (and which year is judged by default).
create trigger reporting_period_progress after insert or delete or update of year, kind on reporting_period
    for each statement execute function progress_tree_changed();

-- Everything materialised before has no obligations yet: recompute it all once.
insert into progress_change (indicator_id) values (null);
