-- Accounts and open work for bench/load.sh, on top of bench/province-data.sql: 200 leaders of the
-- province (load-leader-001 …), and 20 reporters (load-reporter-01 …), one in each of 20 counties
-- whose figures of the open year 2024 are removed so that they have figures to save and submit.
insert into user_account (username, display_name, password_hash, department_id, scope_includes_subregions)
select 'load-leader-' || lpad(n::text, 3, '0'), '负载测试领导' || n, (select password_hash from user_account where username = 'leader'),
       (select id from department where region_code = '990000'), true
from generate_series(1, 200) n;
insert into user_account (username, display_name, password_hash, department_id, scope_includes_subregions)
select 'load-reporter-' || lpad(n::text, 2, '0'), '负载测试填报员' || n, (select password_hash from user_account where username = 'leader'),
       d.id, false
from generate_series(1, 20) n
join department d on d.region_code = '99' || lpad(((n - 1) % 10 + 1)::text, 2, '0') || lpad(((n - 1) / 10 + 1)::text, 2, '0');
insert into user_account_role (account_id, role)
select id, case when username like 'load-leader-%' then 'LEADER' else 'REPORTER' end
from user_account where username like 'load-%';
delete from indicator_value v using reporting_period p, user_account a, department d
where p.id = v.period_id and p.year = 2024 and a.username like 'load-reporter-%' and d.id = a.department_id
  and v.region_code = d.region_code;
analyze;
