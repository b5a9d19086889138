-- The target list pages in (deadline, indicator, region, id) order; with this index PostgreSQL reads
-- the first rows in order instead of sorting every target in scope (bench/lists.sh: 50,000 targets).
create index target_list_order_idx on target (deadline_year, indicator_id, region_code, id);
