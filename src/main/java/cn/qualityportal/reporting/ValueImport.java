package cn.qualityportal.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.system.NumberInput;
import cn.qualityportal.targets.Indicators;
import cn.qualityportal.targets.Indicators.IndicatorInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import cn.qualityportal.system.TextLimits;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Imports reported figures from a table, all or nothing. Every row is checked in memory (known
 * indicator, a region the importer covers, an open period, the figure rules); then the rows go to
 * a staging table by COPY and three set-based statements find conflicts (a figure that changed
 * since the version in the file, or is submitted or approved), update changed figures and insert
 * new ones, writing an audit row for each change in the same statements. Rows equal to what is
 * stored change nothing, so importing the same file twice changes nothing.
 */
@Service
class ValueImport {

	static final int MAX_ROWS = 200_000;

	private static final Map<String, List<String>> COLUMNS = Map.of("indicator_code", List.of("indicator_code", "指标代码"),
			"region_code", List.of("region_code", "地区代码", "区划代码"), "year", List.of("year", "年份"), "period",
			List.of("period", "期间"), "value", List.of("value", "数值"), "numerator", List.of("numerator", "分子"),
			"denominator", List.of("denominator", "分母"), "note", List.of("note", "说明"), "version",
			List.of("version", "版本"));

	record Problem(int row, String column, String messageKey) implements java.io.Serializable {
	}

	record Report(int created, int updated, int unchanged, List<Problem> problems) {

		public boolean succeeded() {
			return problems.isEmpty();
		}

	}

	private record Staged(int row, long indicatorId, String regionCode, long periodId, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, String note, Long version) {
	}

	private final Indicators indicators;

	private final ReportingPeriodRepository periods;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final boolean voluntaryIndicators;

	ValueImport(Indicators indicators, ReportingPeriodRepository periods, JdbcClient jdbc, DataSource dataSource,
			@org.springframework.beans.factory.annotation.Value("${portal.reporting.voluntary-indicators:false}") boolean voluntaryIndicators) {
		this.voluntaryIndicators = voluntaryIndicators;
		this.indicators = indicators;
		this.periods = periods;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Transactional
	Report importRows(List<SpreadsheetRow> rows, ValueWorkflow.Actor actor) {
		List<Problem> problems = new ArrayList<>();
		if (!actor.roles().contains(cn.qualityportal.organisation.Role.REPORTER)) {
			return new Report(0, 0, 0, List.of(new Problem(0, "", "problem.forbidden")));
		}
		if (rows.size() < 2) {
			return new Report(0, 0, 0, List.of(new Problem(0, "", "import.noRows")));
		}
		Map<String, Integer> columns = columns(rows.get(0), problems);
		if (!problems.isEmpty()) {
			return new Report(0, 0, 0, problems);
		}
		Map<String, IndicatorInfo> indicatorsByCode = new HashMap<>();
		Map<String, ReportingPeriod> periodsByKey = new HashMap<>();
		periods.findAllByOrderByYearDescKindAscNumberAsc()
			.forEach(period -> periodsByKey.put(period.getYear() + "/" + ValueView.periodLabel(period.getKind(), period.getNumber()), period));
		Map<String, Integer> seen = new HashMap<>();
		List<Staged> staged = new ArrayList<>(rows.size());
		for (SpreadsheetRow row : rows.subList(1, rows.size())) {
			if (row.isBlank()) {
				continue;
			}
			int before = problems.size();
			String code = cell(row, columns, "indicator_code");
			IndicatorInfo indicator = indicatorsByCode.computeIfAbsent(code, c -> indicators.byCode(c).orElse(null));
			if (indicator == null) {
				problems.add(new Problem(row.number(), "indicator_code", "validation.indicator.unknown"));
			}
			String region = cell(row, columns, "region_code");
			if (!actor.scope().covers(region)) {
				problems.add(new Problem(row.number(), "region_code", "validation.region.outOfScope"));
			}
			String period = cell(row, columns, "period").toUpperCase(Locale.ROOT);
			ReportingPeriod reportingPeriod = periodsByKey.get(cell(row, columns, "year") + "/" + period);
			if (reportingPeriod == null) {
				problems.add(new Problem(row.number(), "year", "validation.period.unknown"));
			}
			else if (!reportingPeriod.isOpen()) {
				problems.add(new Problem(row.number(), "year", "reporting.periodClosed"));
			}
			else if (indicator != null && !indicator.reportingFrequency().reportedIn(reportingPeriod.getKind().name())) {
				problems.add(new Problem(row.number(), "period", "validation.period.notForIndicator"));
			}
			int unread = problems.size();
			BigDecimal value = number(row, columns, "value", indicator == null ? NumberInput.Unit.NONE : ValueRules.unitOf(indicator),
					problems);
			BigDecimal numerator = number(row, columns, "numerator", NumberInput.Unit.NONE, problems);
			BigDecimal denominator = number(row, columns, "denominator", NumberInput.Unit.NONE, problems);
			BigDecimal version = number(row, columns, "version", NumberInput.Unit.NONE, problems);
			if (version != null && version.stripTrailingZeros().scale() > 0) {
				problems.add(new Problem(row.number(), "version", "typeMismatch"));
			}
			if (value == null && numerator == null && denominator == null && problems.size() == unread) {
				problems.add(new Problem(row.number(), "value", "reporting.valueRequired"));
			}
			if (problems.size() > before) {
				continue;
			}
			ValueRules.Checked checked = ValueRules.check(indicator, value, numerator, denominator);
			checked.problems().forEach(problem -> problems.add(new Problem(row.number(), problem.field(), problem.code())));
			if (TextLimits.tooLong(cell(row, columns, "note"), TextLimits.NOTE)) {
				problems.add(new Problem(row.number(), "note", "validation.note.tooLong"));
			}
			Integer earlier = seen.putIfAbsent(indicator.id() + "/" + region + "/" + reportingPeriod.getId(), row.number());
			if (earlier != null) {
				problems.add(new Problem(row.number(), "indicator_code", "import.duplicateRow"));
			}
			if (problems.size() == before) {
				String note = cell(row, columns, "note");
				staged.add(new Staged(row.number(), indicator.id(), region, reportingPeriod.getId(), checked.value(), numerator,
						denominator, note.isEmpty() ? null : note, version == null ? null : version.longValue()));
			}
		}
		if (!problems.isEmpty()) {
			return new Report(0, 0, 0, problems);
		}
		copyToStaging(staged);
		jdbc.sql("""
				select s.row_no, v.status from import_staging s
				join indicator_value v on v.indicator_id = s.indicator_id and v.region_code = s.region_code and v.period_id = s.period_id
				where (v.value, v.numerator, v.denominator, v.note) is distinct from (s.value, s.numerator, s.denominator, s.note)
				  and (v.status in ('SUBMITTED', 'APPROVED', 'ACCEPTED') or s.version is null or s.version <> v.version)
				order by s.row_no""")
			.query((rs, n) -> new Problem(rs.getInt(1), "version",
					rs.getString(2).equals("DRAFT") || rs.getString(2).equals("RETURNED") ? "import.staleVersion" : "reporting.locked"))
			.list()
			.forEach(problems::add);
		if (!voluntaryIndicators) {
			// The workflow's rule, set-based: a new figure must answer an obligation (ValueWorkflow.owed).
			jdbc.sql("""
					select s.row_no from import_staging s
					where not exists (select 1 from indicator_value v where v.indicator_id = s.indicator_id
					                  and v.region_code = s.region_code and v.period_id = s.period_id)
					  and not exists (select 1 from reporting_obligation o where o.indicator_id = s.indicator_id
					                  and o.region_code = s.region_code and o.period_id = s.period_id)
					order by s.row_no""")
				.query((rs, n) -> new Problem(rs.getInt(1), "indicator_code", "reporting.notOwed"))
				.list()
				.forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Report(0, 0, 0, problems);
		}
		String address = address();
		int updated = jdbc.sql("""
				with changed as (
				    select v.id, v.value as old_value, v.numerator as old_numerator, v.denominator as old_denominator,
				           v.note as old_note, v.status as old_status, v.version as old_version,
				           s.value, s.numerator, s.denominator, s.note
				    from import_staging s
				    join indicator_value v on v.indicator_id = s.indicator_id and v.region_code = s.region_code and v.period_id = s.period_id
				    where (v.value, v.numerator, v.denominator, v.note) is distinct from (s.value, s.numerator, s.denominator, s.note)),
				updated as (
				    update indicator_value v set value = c.value, numerator = c.numerator, denominator = c.denominator,
				           note = c.note, updated_by = :actor, updated_at = now(), version = v.version + 1
				    from changed c where v.id = c.id
				    returning v.id, v.status, v.version)
				insert into audit_log (actor, address, entity, entity_id, action, old_state, new_state, reason)
				select :actor, :address, 'indicator_value', c.id, 'UPDATE',
				       jsonb_build_object('value', c.old_value, 'numerator', c.old_numerator, 'denominator', c.old_denominator,
				                          'note', c.old_note, 'status', c.old_status, 'version', c.old_version),
				       jsonb_build_object('value', c.value, 'numerator', c.numerator, 'denominator', c.denominator,
				                          'note', c.note, 'status', u.status, 'version', u.version),
				       'import'
				from changed c join updated u on u.id = c.id""")
			.param("actor", actor.username())
			.param("address", address)
			.update();
		int created = jdbc.sql("""
				with inserted as (
				    insert into indicator_value (indicator_id, region_code, period_id, value, numerator, denominator, note, updated_by)
				    select s.indicator_id, s.region_code, s.period_id, s.value, s.numerator, s.denominator, s.note, :actor
				    from import_staging s
				    where not exists (select 1 from indicator_value v where v.indicator_id = s.indicator_id
				                      and v.region_code = s.region_code and v.period_id = s.period_id)
				    returning id, value, numerator, denominator, note, status, version)
				insert into audit_log (actor, address, entity, entity_id, action, new_state, reason)
				select :actor, :address, 'indicator_value', i.id, 'CREATE',
				       jsonb_build_object('value', i.value, 'numerator', i.numerator, 'denominator', i.denominator,
				                          'note', i.note, 'status', i.status, 'version', i.version),
				       'import'
				from inserted i""")
			.param("actor", actor.username())
			.param("address", address)
			.update();
		return new Report(created, updated, staged.size() - created - updated, List.of());
	}

	private void copyToStaging(List<Staged> staged) {
		jdbc.sql("""
				create temporary table import_staging (row_no integer, indicator_id bigint, region_code varchar(6),
				    period_id bigint, value numeric(18, 4), numerator numeric(18, 4), denominator numeric(18, 4), note text,
				    version bigint) on commit drop""").update();
		StringWriter csv = new StringWriter(staged.size() * 64);
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
			for (Staged row : staged) {
				printer.printRecord(row.row(), row.indicatorId(), row.regionCode(), row.periodId(), row.value(),
						row.numerator(), row.denominator(), row.note(), row.version());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy import_staging from stdin with (format csv)", new StringReader(csv.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("COPY into the import staging table failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static Map<String, Integer> columns(SpreadsheetRow header, List<Problem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String title = header.cell(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
			for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
				if (column.getValue().contains(title)) {
					columns.putIfAbsent(column.getKey(), i);
				}
			}
		}
		for (String required : List.of("indicator_code", "region_code", "year")) {
			if (!columns.containsKey(required)) {
				problems.add(new Problem(1, required, "import.missingColumn"));
			}
		}
		return columns;
	}

	private static String cell(SpreadsheetRow row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.cell(index).strip();
	}

	/** A cell read as the grid and the API read a typed number ({@code NumberInput}); a problem of its row if it is none. */
	private static BigDecimal number(SpreadsheetRow row, Map<String, Integer> columns, String column, NumberInput.Unit unit,
			List<Problem> problems) {
		NumberInput.Reading reading = NumberInput.read(cell(row, columns, column), unit);
		if (!reading.ok()) {
			problems.add(new Problem(row.number(), column, reading.problem()));
		}
		return reading.value();
	}

	private static String address() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

}
