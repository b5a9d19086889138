-- Bench data for bench/lists.sh: 10,000 documents and 50,000 targets over the demo's regions.
insert into indicator (code, name, category, unit, value_type, direction, aggregation)
select 'BENCH-' || lpad(g::text, 3, '0'), '测试指标' || g || '合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED'
from generate_series(1, 200) g;

insert into policy_document (title, issuer, doc_number, level, region_code, issue_date, status)
select '测试文件' || g || '：关于推进质量发展的实施意见', '测试发文单位' || (g % 50), '测政发〔' || (2000 + g % 25) || '〕' || g || '号',
       'COUNTY', (array['450602', '450603', '450621', '450681', '450600'])[1 + g % 5], date '2000-01-01' + (g % 9000),
       (array['IN_FORCE', 'IN_FORCE', 'EXPIRED', 'DRAFT'])[1 + g % 4]
from generate_series(1, 10000) g;

insert into target (indicator_id, region_code, document_id, comparator, value, deadline_year, unit)
select i.id, d.region_code, d.id, 'GE', 90 + (d.id + k) % 10, 2020 + (d.id + k) % 6, '%'
from (select id, region_code, row_number() over (order by id) as n from policy_document where doc_number like '测政发%') d
cross join generate_series(0, 4) k
join indicator i on i.code = 'BENCH-' || lpad((1 + (d.n * 5 + k) % 200)::text, 3, '0');

analyze;
