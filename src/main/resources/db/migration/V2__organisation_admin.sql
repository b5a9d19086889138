-- Organisation administration: data scope per account, department kinds, searchable names.

-- false: the account sees its own region only; true: its region and every region below it.
alter table user_account add column scope_includes_subregions boolean not null default false;

alter table department add constraint department_kind_check check (kind in (
    'GOVERNMENT_OFFICE', 'MARKET_REGULATION', 'HOUSING', 'AGRICULTURE', 'COMMERCE', 'CULTURE_TOURISM',
    'INDUSTRY_IT', 'HEALTH', 'ECOLOGY_ENVIRONMENT', 'EDUCATION', 'TRANSPORT', 'DEVELOPMENT_ZONE', 'STATISTICS', 'OTHER'));

create index department_region_idx on department (region_code);

-- A region's parent must sit one or more levels higher (PROVINCE > CITY > COUNTY > TOWN).
create function region_level_rank(level varchar) returns int language sql immutable as $$
    select case level when 'PROVINCE' then 1 when 'CITY' then 2 when 'COUNTY' then 3 when 'TOWN' then 4 end
$$;

create function region_parent_is_higher() returns trigger language plpgsql as $$
begin
    if new.parent_code is not null and region_level_rank(new.level) <=
        (select region_level_rank(level) from region where code = new.parent_code) then
        raise exception 'region % (%) cannot sit below a region of the same or a lower level', new.code, new.level
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger region_parent_is_higher before insert or update on region
    for each row execute function region_parent_is_higher();
