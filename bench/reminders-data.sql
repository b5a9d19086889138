-- Bench data for bench/reminders.sh: 2,000 late units on top of the demo. Each of the demo's four
-- counties gets 100 towns (made-up codes 9kxxxx), each town five departments, and a town plan in
-- force with one target per department (its lead department) on an indicator that does not
-- aggregate, so for the open 2020 period (overdue since 2021-01-31) each of the 2,000 units owes one
-- figure. Each unit has a reporter, each town a reviewer.
insert into region (code, name, level, parent_code)
select '9' || c.k || lpad(t::text, 4, '0'), c.name || '测试镇' || t, 'TOWN', c.code
from (values (1, '450602', '港口区'), (2, '450603', '防城区'), (3, '450621', '上思县'), (4, '450681', '东兴市')) c (k, code, name)
cross join generate_series(1, 100) t;

insert into department (region_code, name, kind)
select r.code, r.name || (array['市场监管所', '住建办', '农业站', '商务办', '卫生院'])[k], (array['MARKET_REGULATION', 'HOUSING', 'AGRICULTURE', 'COMMERCE', 'HEALTH'])[k]
from region r cross join generate_series(1, 5) k
where r.code like '9_____' and r.level = 'TOWN';

insert into indicator (code, name, category, unit, value_type, direction, aggregation)
select 'BENCH-REM-' || k, '测试乡镇指标' || k, 'PRODUCT', '项', 'COUNT', 'HIGHER', 'NONE'
from generate_series(1, 5) k;

insert into policy_document (title, issuer, doc_number, level, region_code, issue_date, status)
select r.name || '质量提升实施方案（测试）', r.name || '人民政府', '测镇发〔2020〕' || r.code || '号', 'COUNTY', r.code,
       date '2020-01-01', 'IN_FORCE'
from region r where r.code like '9_____' and r.level = 'TOWN';

insert into target (indicator_id, region_code, document_id, comparator, value, deadline_year, unit, lead_department_id)
select i.id, d.region_code, d.id, 'GE', 10, 2020, '项', dep.id
from policy_document d
join department dep on dep.region_code = d.region_code
join indicator i on i.code = 'BENCH-REM-' || (array_position(array['MARKET_REGULATION', 'HOUSING', 'AGRICULTURE', 'COMMERCE', 'HEALTH'], dep.kind::text))
where d.doc_number like '测镇发%';

insert into user_account (username, display_name, password_hash, department_id)
select 'bench-reporter-' || dep.id, dep.name || '填报员', '{noop}unused', dep.id
from department dep where dep.region_code like '9_____';
insert into user_account_role (account_id, role)
select a.id, 'REPORTER' from user_account a where a.username like 'bench-reporter-%';

insert into user_account (username, display_name, password_hash, department_id)
select 'bench-reviewer-' || r.code, r.name || '审核员', '{noop}unused',
       (select min(id) from department where region_code = r.code)
from region r where r.code like '9_____' and r.level = 'TOWN';
insert into user_account_role (account_id, role)
select a.id, 'REVIEWER' from user_account a where a.username like 'bench-reviewer-%';

analyze;
