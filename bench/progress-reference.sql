-- Hand-written SQL computing, from the raw figures, the same statuses the portal materialises
-- (docs/progress.md, for the ">=" targets of bench/province-data.sql: level or gain from the
-- baseline year, growth-rate forecast over the last three figures, anticipated-progress ratio),
-- for every target of the regions at and below :'root' as of :year. Regions without figures of
-- their own take the sum (counts) or Σ numerator ÷ Σ denominator (rates) of the regions below.
-- bench/progress.sh times it beside the pages and checks that its statuses equal the portal's.
create temporary view reference_status as
with recursive below (code) as (
    select code from region where code = :'root'
    union all select r.code from region r join below b on r.parent_code = b.code),
own as (
    select v.indicator_id, v.region_code, p.year, v.value, v.numerator, v.denominator
    from indicator_value v join reporting_period p on p.id = v.period_id and p.kind = 'ANNUAL' and p.year <= :year
    where v.status = 'APPROVED' and v.region_code in (select code from below)),
rolled as (
    select o.indicator_id, r.parent_code as region_code, o.year,
           case when i.aggregation = 'SUM' then sum(o.value)
                when bool_and(o.numerator is not null and o.denominator is not null) then sum(o.numerator) * 100 / sum(o.denominator)
                else avg(o.value) end as value
    from own o join region r on r.code = o.region_code join indicator i on i.id = o.indicator_id
    where r.parent_code in (select code from below)
      and not exists (select 1 from own x where x.region_code = r.parent_code and x.indicator_id = o.indicator_id and x.year = o.year)
    group by o.indicator_id, r.parent_code, o.year, i.aggregation),
figures as (
    select indicator_id, region_code, year, value from own
    union all select indicator_id, region_code, year, value from rolled),
targets as (
    select t.id, t.indicator_id, t.region_code, t.value as goal, t.increment, t.baseline_year, t.deadline_year,
           coalesce(g.area, i.category) as area
    from target t join indicator i on i.id = t.indicator_id left join goal g on g.id = t.goal_id
    where t.region_code in (select code from below)),
numbered as (
    select t.id, f.year, f.value, row_number() over (partition by t.id order by f.year desc) as back,
           min(f.year) over (partition by t.id) as earliest_year
    from targets t join figures f on f.indicator_id = t.indicator_id and f.region_code = t.region_code),
trend as (
    select n.id,
           max(n.value) filter (where n.back = 1) as latest, max(n.year) filter (where n.back = 1) as latest_year,
           max(n.value) filter (where n.back = least(3, c.points)) as first,
           max(n.year) filter (where n.back = least(3, c.points)) as first_year,
           bool_and(n.value > 0) filter (where n.back <= 3) as positive,
           max(n.value) filter (where n.year = t.baseline_year) as base_figure,
           max(n.value) filter (where n.year = n.earliest_year) as earliest
    from numbered n join targets t on t.id = n.id
    join (select id, count(*) as points from numbered group by id) c on c.id = n.id
    group by n.id),
judged as (
    select t.*, tr.latest, tr.latest_year,
           case when t.increment then coalesce(tr.base_figure, 0) else coalesce(tr.base_figure, tr.earliest) end as base,
           case when tr.first_year < tr.latest_year and tr.positive
                then least(case when i.value_type = 'RATE' then 100 else 1e12 end,
                           tr.latest * power(tr.latest / tr.first, (t.deadline_year - tr.latest_year)::numeric / (tr.latest_year - tr.first_year)))
                end as forecast
    from targets t join indicator i on i.id = t.indicator_id left join trend tr on tr.id = t.id)
select id, region_code, area, latest, forecast,
       case when latest is null then 'NO_DATA'
            when (case when increment then latest - base else latest end) >= goal then 'ACHIEVED'
            when :year > deadline_year or latest_year >= deadline_year then 'OVERDUE'
            when forecast is null then 'NEEDS_ACCELERATION'
            when (case when increment then forecast - base else forecast end) >= goal then 'ON_TRACK'
            when ((case when increment then forecast - base else forecast end) - (case when increment then 0 else base end))
                 / nullif(goal - (case when increment then 0 else base end), 0) >= 0.5 then 'NEEDS_ACCELERATION'
            else 'OFF_TRACK' end as status
from judged;
