-- Annual assessment (考核): a scheme per year (points per status, deductions for late, missing and
-- returned reports, weights per goal area or indicator), and the published rankings, frozen: once
-- an office publishes the ranking of its subregions for a year, the scores are stored as they were
-- and nothing recomputes them.

create table assessment_scheme (
    year                      integer       primary key check (year between 1949 and 2100),
    points_achieved           numeric(6, 2) not null default 100 check (points_achieved between 0 and 100),
    points_on_track           numeric(6, 2) not null default 80 check (points_on_track between 0 and 100),
    points_needs_acceleration numeric(6, 2) not null default 50 check (points_needs_acceleration between 0 and 100),
    points_off_track          numeric(6, 2) not null default 20 check (points_off_track between 0 and 100),
    points_overdue            numeric(6, 2) not null default 0 check (points_overdue between 0 and 100),
    points_no_data            numeric(6, 2) not null default 0 check (points_no_data between 0 and 100),
    deduction_late            numeric(6, 2) not null default 1 check (deduction_late between 0 and 100),
    deduction_missing         numeric(6, 2) not null default 2 check (deduction_missing between 0 and 100),
    deduction_returned        numeric(6, 2) not null default 0.5 check (deduction_returned between 0 and 100),
    include_submitted         boolean       not null default false,
    version                   bigint        not null default 0,
    updated_by                varchar(64),
    updated_at                timestamptz
);

create table assessment_weight (
    year         integer       not null references assessment_scheme (year) on delete cascade,
    area         varchar(32),
    indicator_id bigint references indicator (id),
    weight       numeric(6, 2) not null check (weight >= 0 and weight <= 100),
    check ((area is null) <> (indicator_id is null))
);
create unique index assessment_weight_area_idx on assessment_weight (year, area) where area is not null;
create unique index assessment_weight_indicator_idx on assessment_weight (year, indicator_id) where indicator_id is not null;

create table assessment_publication (
    year               integer     not null,
    parent_region_code varchar(6)  not null references region (code),
    scheme             jsonb       not null,
    published_at       timestamptz not null default now(),
    published_by       varchar(64) not null,
    primary key (year, parent_region_code)
);

create table assessment_result (
    year               integer       not null,
    parent_region_code varchar(6)    not null,
    region_code        varchar(6)    not null references region (code),
    rank               integer       not null,
    score              numeric(8, 2) not null,
    detail             jsonb         not null,
    primary key (year, parent_region_code, region_code),
    foreign key (year, parent_region_code) references assessment_publication (year, parent_region_code)
);

-- Published results are frozen: no update or delete, for anyone.
create function assessment_is_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'published assessments are frozen: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger assessment_result_frozen before update or delete on assessment_result
    for each row execute function assessment_is_frozen();
create trigger assessment_publication_frozen before update or delete on assessment_publication
    for each row execute function assessment_is_frozen();
