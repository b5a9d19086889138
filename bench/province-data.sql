-- Province-scale data for bench/progress.sh: 1 province (990000), 14 cities (99CC00), 112 counties
-- (99CCDD, 8 per city), 200 indicators (half rates reported with numerator and denominator, half
-- counts), a target for every region and indicator (25,400), and 10 years (2015–2024) of approved
-- figures of every county and city (252,000). The province reports nothing itself: its figures roll
-- up from the cities. Accounts bench-leader (province) and bench-county (990101) share the demo's password.
insert into region (code, name, level, parent_code) values ('990000', '基准省', 'PROVINCE', '100000');
insert into region (code, name, level, parent_code)
select '99' || lpad(c::text, 2, '0') || '00', '基准市' || c, 'CITY', '990000' from generate_series(1, 14) c;
insert into region (code, name, level, parent_code)
select '99' || lpad(c::text, 2, '0') || lpad(d::text, 2, '0'), '基准市' || c || '第' || d || '区', 'COUNTY',
       '99' || lpad(c::text, 2, '0') || '00'
from generate_series(1, 14) c cross join generate_series(1, 8) d;

insert into department (region_code, name, short_name, kind)
select code, name || '市场监督管理局', '市场监管局', 'MARKET_REGULATION' from region where code like '99%';

insert into indicator (code, name, category, unit, value_type, direction, aggregation)
select 'PROV-' || lpad(g::text, 3, '0'),
       case when g % 2 = 0 then '基准合格率' || g else '基准数量' || g end,
       (array['PRODUCT', 'CONSTRUCTION', 'SERVICE', 'ENVIRONMENT', 'BRAND', 'STANDARD', 'INFRASTRUCTURE', 'OTHER'])[1 + g % 8],
       case when g % 2 = 0 then '%' else '个' end,
       case when g % 2 = 0 then 'RATE' else 'COUNT' end,
       'HIGHER',
       case when g % 2 = 0 then 'WEIGHTED' else 'SUM' end
from generate_series(1, 200) g;

insert into policy_document (title, issuer, doc_number, level, region_code, issue_date, status)
select name || '质量强区实施方案（基准）', name || '人民政府', '基准〔2016〕' || code || '号',
       case level when 'PROVINCE' then 'PROVINCIAL' when 'CITY' then 'CITY' else 'COUNTY' end, code, date '2016-06-01', 'IN_FORCE'
from region where code like '99%';

-- Rates: at least 90–97 %; counts: 12 a county, 12 × 8 a city, 12 × 8 × 14 the province, gained from 2015.
insert into target (indicator_id, region_code, document_id, comparator, value, unit, baseline_year, deadline_year,
                    increment, lead_department_id)
select i.id, r.code, d.id, 'GE',
       case when i.value_type = 'RATE' then 90 + (i.id + length(r.code)) % 8
            else 12 * case r.level when 'COUNTY' then 1 when 'CITY' then 8 else 112 end end,
       i.unit, 2015, 2025, i.value_type = 'COUNT', dep.id
from region r
join policy_document d on d.region_code = r.code and d.doc_number like '基准%'
join department dep on dep.region_code = r.code
cross join indicator i
where r.code like '99%' and i.code like 'PROV-%';

insert into reporting_period (year, kind, number, due_on, status)
select y, 'ANNUAL', 0, make_date(y + 1, 1, 31), case when y < 2024 then 'CLOSED' else 'OPEN' end
from generate_series(2015, 2024) y
on conflict (year, kind, number) do nothing;

-- Figures of every county and city: rates climb from 85–89 % by 0.2–1.1 points a year; counts grow
-- by 0–2 a year in a county (more in a city). Deterministic, so every run measures the same data.
insert into indicator_value (indicator_id, region_code, period_id, value, numerator, denominator, status, updated_by)
select i.id, r.code, p.id,
       case when i.value_type = 'RATE'
            then least(100, round((85 + (i.id * 7 + hashtext(r.code)) % 5 + (p.year - 2015) * (0.2 + ((i.id + hashtext(r.code)) % 10) / 10.0))::numeric, 1))
            else ((p.year - 2015) * (1 + abs(hashtext(r.code || i.id)) % 2) * case r.level when 'CITY' then 8 else 1 end) end,
       case when i.value_type = 'RATE'
            then round(least(100, (85 + (i.id * 7 + hashtext(r.code)) % 5 + (p.year - 2015) * (0.2 + ((i.id + hashtext(r.code)) % 10) / 10.0))) * 10)
            end,
       case when i.value_type = 'RATE' then 1000 end,
       'APPROVED', 'bench'
from region r
cross join indicator i
join reporting_period p on p.kind = 'ANNUAL' and p.year between 2015 and 2024
where r.code like '99%' and r.level in ('CITY', 'COUNTY') and i.code like 'PROV-%';

insert into user_account (username, display_name, password_hash, department_id, scope_includes_subregions)
select 'bench-leader', '基准省领导', (select password_hash from user_account where username = 'leader'), d.id, true
from department d where d.region_code = '990000';
insert into user_account (username, display_name, password_hash, department_id, scope_includes_subregions)
select 'bench-county', '基准区领导', (select password_hash from user_account where username = 'leader'), d.id, false
from department d where d.region_code = '990101';
insert into user_account_role (account_id, role)
select id, 'LEADER' from user_account where username in ('bench-leader', 'bench-county');

analyze;
