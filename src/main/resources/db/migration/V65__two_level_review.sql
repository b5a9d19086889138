-- Two-level review (逐级审核): after a region's reviewer approves a figure, the office of the level
-- above accepts it (验收, status ACCEPTED) or returns it with a reason. Whether an installation
-- reviews in two levels is one installation-wide setting, kept by the office that owns the settings
-- (organisation.InstallationSettings) and audited. It applies from a year on, so switching it on
-- never takes already approved figures of earlier years out of the statuses and rankings.
create table review_setting (
    id                  boolean     primary key default true check (id),
    two_level_from_year integer     check (two_level_from_year between 1949 and 2100),
    version             bigint      not null default 0,
    updated_by          varchar(64),
    updated_at          timestamptz
);
insert into review_setting (id) values (true);

alter table indicator_value drop constraint indicator_value_status_check;
alter table indicator_value add constraint indicator_value_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ACCEPTED', 'RETURNED'));

-- THE rule of what counts as a final figure (docs/progress.md "Final figures"), owned by reporting
-- and read by everything that judges, ranks, counts completeness or publishes: progress
-- (ProgressStore), dashboards (Overview), completeness (Completeness) and, through the statuses,
-- the assessment and the public site. A figure is
--   final      when accepted, or approved where one level of review is final (two-level review
--              off, or the figure's year before the year it applies from);
--   in review  when submitted, or approved but still waiting for the level above to accept it.
-- "Include submitted" (含待审核数据) reads final or in review; everything else reads final only.
create view value_standing as
select v.id as value_id, v.indicator_id, v.region_code, v.period_id, p.year, p.kind, p.number,
       v.value, v.numerator, v.denominator, v.status,
       (v.status = 'ACCEPTED'
        or (v.status = 'APPROVED' and (s.two_level_from_year is null or p.year < s.two_level_from_year))) as is_final,
       (v.status = 'SUBMITTED'
        or (v.status = 'APPROVED' and s.two_level_from_year is not null and p.year >= s.two_level_from_year)) as in_review
from indicator_value v
join reporting_period p on p.id = v.period_id
cross join review_setting s;

-- Changing the setting changes which figures are final, so every materialised status is stale.
create trigger review_setting_progress after update on review_setting
    for each statement execute function progress_tree_changed();

create index indicator_value_review_idx on indicator_value (status, period_id) where status in ('SUBMITTED', 'APPROVED');
