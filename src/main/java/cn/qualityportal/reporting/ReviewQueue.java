package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.TargetRow;
import cn.qualityportal.targets.ValueType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer's queue, and the same page one level up, the office's acceptance queue (验收): the
 * figures of one review status in the reader's scope, filtered on the server by region, department
 * (a unit that owes the figure) and indicator, a page at a time; each with what helps decide it: the
 * target it answers, last year's figure and the change, whether it stands out from its history
 * ({@link OutlierCheck}, as on submission) with the reporter's note, its evidence, what changed
 * since a return, and who submitted it. A fixed number of statements per page, whatever its length.
 */
@Component
class ReviewQueue {

	static final int PAGE_SIZE = 50;

	/** Which queue: the region's reviewer decides submitted figures; the office above accepts approved ones. */
	enum Level {

		REVIEW(ValueStatus.SUBMITTED), ACCEPTANCE(ValueStatus.APPROVED);

		final ValueStatus waiting;

		Level(ValueStatus waiting) {
			this.waiting = waiting;
		}

		/** The status this level decides (the page's default filter and where its actions apply). */
		public ValueStatus getWaiting() {
			return waiting;
		}

	}

	/** The filters; null means any. The status is one of the review's, by default the one the level decides. */
	record Filter(String regionCode, Long departmentId, String indicatorCode, ValueStatus status) {
	}

	/**
	 * One row: the figure and what helps decide it. {@code reporter}: the person who submitted it (not
	 * whoever acted last); {@code change}: against last year, null without one: for a rate (% or ‰) the
	 * difference in points ({@code points}: the value type, RATE 百分点 or PER_MILLE 千分点; docs/progress.md §6),
	 * else percent ({@code points} null).
	 */
	record Row(ValueView value, String reporter, Target target, BigDecimal lastYear, BigDecimal change, String points,
			boolean outlier, ValueSearch.Resubmission resubmission, String reopenedBecause) {
	}

	/** The target a figure answers, as the entry grid shows it: {@code increment}, it counts what is added (新增). */
	record Target(String condition, int deadlineYear, boolean increment) {
	}

	record Option(String value, String label) {
	}

	record Page(List<Row> rows, long total, int page, int pages, List<Option> regions, List<Option> departments,
			List<Option> indicators) {
	}

	private final JdbcClient jdbc;

	private final ValueSearch search;

	private final double outlierShare;

	ReviewQueue(JdbcClient jdbc, ValueSearch search, @Value("${portal.reporting.outlier-share:0.3}") double outlierShare) {
		this.jdbc = jdbc;
		this.search = search;
		this.outlierShare = outlierShare;
	}

	@Transactional(readOnly = true)
	Page page(Level level, Filter filter, DataScope scope, int page) {
		List<Object> params = new ArrayList<>();
		String where = where(level, filter, scope, params);
		long total = jdbc.sql("""
				select count(*) from indicator_value v
				join indicator_directory i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id""" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(PAGE_SIZE);
		pageParams.add((long) current * PAGE_SIZE);
		Map<Long, String> reporters = new HashMap<>();
		Map<Long, String> rates = new HashMap<>();
		List<ValueView> values = jdbc.sql(ValueSearch.COLUMNS + where + " order by v.updated_at, v.id limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> {
				ValueView value = ValueSearch.view(rs, n);
				reporters.put(value.id(), rs.getString("submitted_by_name"));
				ValueType type = ValueType.valueOf(rs.getString("value_type"));
				if (type == ValueType.RATE || type == ValueType.PER_MILLE) {
					rates.put(value.id(), type.name());
				}
				return value;
			})
			.list();
		Long[] ids = values.stream().map(ValueView::id).toArray(Long[]::new);
		Map<Long, Target> targets = targets(ids);
		Map<Long, List<Earlier>> earlier = earlier(ids);
		Map<Long, ValueSearch.Resubmission> resubmissions = search.resubmissions(values);
		List<Row> rows = values.stream().map(value -> {
			List<Earlier> before = earlier.getOrDefault(value.id(), List.of());
			BigDecimal lastYear = before.stream()
				.filter(e -> e.year() == value.year() - 1)
				.map(Earlier::value)
				.findFirst()
				.orElse(null);
			boolean outlier = OutlierCheck.isOutlier(value.value(), before.stream().map(Earlier::value).toList(),
					outlierShare);
			// A submitted figure keeps the reason a level above gave when it reopened the approval.
			String reopened = value.status() == ValueStatus.SUBMITTED ? value.returnReason() : null;
			String points = rates.get(value.id());
			return new Row(value, reporters.get(value.id()), targets.get(value.id()), lastYear,
					points != null ? difference(value.value(), lastYear) : change(value.value(), lastYear), points, outlier,
					resubmissions.get(value.id()), reopened);
		}).toList();
		return new Page(rows, total, current, pages, regions(scope), departments(scope), indicators());
	}

	/** Percent change from last year to this, one decimal; null when there is no last year or it was zero. */
	static BigDecimal change(BigDecimal value, BigDecimal lastYear) {
		if (value == null || lastYear == null || lastYear.signum() == 0) {
			return null;
		}
		return value.subtract(lastYear).multiply(BigDecimal.valueOf(100)).divide(lastYear.abs(), 1, RoundingMode.HALF_UP);
	}

	/** A rate's change from last year in points (92.5% after 90.0% is +2.5 百分点); null when there is no last year. */
	static BigDecimal difference(BigDecimal value, BigDecimal lastYear) {
		return value == null || lastYear == null ? null : value.subtract(lastYear);
	}

	private static String where(Level level, Filter filter, DataScope scope, List<Object> params) {
		StringBuilder where = new StringBuilder(" where v.status = ?");
		params.add(filter.status().name());
		if (level == Level.ACCEPTANCE && filter.status() == ValueStatus.APPROVED) {
			// Waiting for acceptance: approved and not yet final (two-level review applies to its year).
			where.append(" and exists (select 1 from value_standing s where s.value_id = v.id and s.in_review)");
		}
		if (!scope.everything()) {
			where.append(" and v.region_code = any(?)");
			params.add(scope.writableArray());
		}
		if (filter.regionCode() != null) {
			where.append(" and v.region_code = ?");
			params.add(filter.regionCode());
		}
		if (filter.indicatorCode() != null) {
			where.append(" and i.code = ?");
			params.add(filter.indicatorCode());
		}
		if (filter.departmentId() != null) {
			// Appended with its leading space kept (a text block would strip it: "= ?and exists" answered 500).
			where.append(" and exists (select 1 from reporting_obligation_unit u where u.region_code = v.region_code"
					+ " and u.indicator_id = v.indicator_id and u.period_id = v.period_id and u.department_id = ?)");
			params.add(filter.departmentId());
		}
		return where.toString();
	}

	/** The target each figure answers: its own region's that counts in the year, else the nearest region above's. */
	private Map<Long, Target> targets(Long[] ids) {
		Map<Long, Target> targets = new HashMap<>();
		if (ids.length == 0) {
			return targets;
		}
		jdbc.sql("""
				with recursive up (value_id, code, depth) as (
				    select id, region_code, 0 from indicator_value where id = any(?)
				    union all
				    select up.value_id, r.parent_code, up.depth + 1 from up join region_directory r on r.code = up.code
				    where r.parent_code is not null)
				select distinct on (v.id) v.id, t.comparator, t.value, t.value_max, t.unit, t.deadline_year, t.increment
				from indicator_value v
				join reporting_period p on p.id = v.period_id
				join up on up.value_id = v.id
				join target_term t on t.indicator_id = v.indicator_id and t.region_code = up.code
				join counted_target c on c.target_id = t.id and p.year between c.first_year and c.last_year
				order by v.id, up.depth, t.deadline_year, t.id""")
			.param(ids)
			.query((rs, row) -> targets.put(rs.getLong(1),
					new Target(TargetRow.condition(Comparator.valueOf(rs.getString(2)), rs.getBigDecimal(3),
							rs.getBigDecimal(4), rs.getString(5)), rs.getInt(6), rs.getBoolean(7))))
			.list();
		return targets;
	}

	private record Earlier(int year, BigDecimal value) {
	}

	/** The figures of the same region, indicator and kind of period in earlier years, oldest first (as submission reads them). */
	private Map<Long, List<Earlier>> earlier(Long[] ids) {
		Map<Long, List<Earlier>> earlier = new HashMap<>();
		if (ids.length == 0) {
			return earlier;
		}
		jdbc.sql("""
				select v.id, ep.year, e.value
				from indicator_value v
				join reporting_period p on p.id = v.period_id
				join reporting_period ep on ep.kind = p.kind and ep.number = p.number and ep.year < p.year
				join indicator_value e on e.indicator_id = v.indicator_id and e.region_code = v.region_code
				     and e.period_id = ep.id and e.value is not null
				where v.id = any(?)
				order by v.id, ep.year""")
			.param(ids)
			.query((rs, row) -> earlier.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new Earlier(rs.getInt(2), rs.getBigDecimal(3))))
			.list();
		return earlier;
	}

	private List<Option> regions(DataScope scope) {
		return jdbc.sql("select code, name from region_directory where (? or code = any(?)) order by code")
			.params(scope.everything(), scope.writableArray())
			.query((rs, row) -> new Option(rs.getString(1), rs.getString(2)))
			.list();
	}

	private List<Option> departments(DataScope scope) {
		return jdbc.sql("""
				select d.id, r.name || ' ' || d.name from department_directory d join region_directory r on r.code = d.region_code
				where d.active and (? or d.region_code = any(?)) order by d.region_code, d.name""")
			.params(scope.everything(), scope.writableArray())
			.query((rs, row) -> new Option(String.valueOf(rs.getLong(1)), rs.getString(2)))
			.list();
	}

	private List<Option> indicators() {
		return jdbc.sql("select code, name from indicator_directory order by code")
			.query((rs, row) -> new Option(rs.getString(1), rs.getString(2)))
			.list();
	}

}
