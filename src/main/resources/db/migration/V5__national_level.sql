-- The tree gains a national root (100000 全国), so national documents such as 国发〔2012〕9号 have an owner.
alter table region drop constraint region_level_check;
alter table region add constraint region_level_check check (level in ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWN'));

create or replace function region_level_rank(level varchar) returns int language sql immutable as $$
    select case level when 'NATIONAL' then 0 when 'PROVINCE' then 1 when 'CITY' then 2 when 'COUNTY' then 3 when 'TOWN' then 4 end
$$;
