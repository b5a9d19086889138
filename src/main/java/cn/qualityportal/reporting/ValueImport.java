package cn.qualityportal.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.spreadsheets.ImportColumn;
import cn.qualityportal.spreadsheets.ImportProblem;
import cn.qualityportal.spreadsheets.ImportReport;
import cn.qualityportal.spreadsheets.ImportTable;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.system.NumberInput;
import cn.qualityportal.targets.Indicators;
import cn.qualityportal.targets.Indicators.IndicatorInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports reported figures from a table, all or nothing, through the import pipeline every import
 * shares ({@link ImportTable}: headings in Chinese or English or the hidden machine keys;
 * {@link ImportReport}: one problem per wrong cell, naming its column). Every row is checked in
 * memory (known indicator, a region the importer covers, an open period, and the workflow's own
 * row rules, {@link ValueWorkflow#checkRow}); then the rows go to a staging table by COPY and
 * set-based statements find conflicts (a figure that changed since the version in the file, or is
 * submitted or approved) and figures nobody owes, update changed figures and insert new ones; the
 * changes are recorded with {@link AuditTrail#recordAll}. Rows equal to what is stored change
 * nothing, so importing the same file twice changes nothing. Imported figures are drafts: the
 * reporter submits them on the grid.
 */
@Service
class ValueImport {

	static final int MAX_ROWS = 200_000;

	private record Staged(int row, long indicatorId, String regionCode, long periodId, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, String note, Long version) {
	}

	private final Indicators indicators;

	private final ReportingPeriodRepository periods;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final boolean voluntaryIndicators;

	ValueImport(Indicators indicators, ReportingPeriodRepository periods, JdbcClient jdbc, DataSource dataSource,
			AuditTrail audit, MessageSource messages,
			@org.springframework.beans.factory.annotation.Value("${portal.reporting.voluntary-indicators:false}") boolean voluntaryIndicators) {
		this.voluntaryIndicators = voluntaryIndicators;
		this.indicators = indicators;
		this.periods = periods;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.audit = audit;
		this.messages = messages;
	}

	private static ImportColumn column(String key) {
		return ValueExchange.IMPORTED.stream().filter(column -> column.key().equals(key)).findFirst().orElseThrow();
	}

	/** A problem of a row in the column of a field of the workflow's row rules. */
	private static ImportProblem problem(int row, String field, String messageKey) {
		return ImportProblem.at(row, column(field.equals("regionCode") ? "region_code"
				: field.equals("indicatorCode") ? "indicator_code" : field), messageKey);
	}

	/** Period codes from what a cell may hold: the code (H1, Q3, empty for the year) or its name in either language. */
	private Map<String, String> periodCodes() {
		Map<String, String> codes = new HashMap<>();
		ValueExchange.PERIODS.forEach((code, key) -> {
			codes.put(code, code);
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				codes.put(messages.getMessage(key, null, code, locale).strip().toUpperCase(Locale.ROOT), code);
			}
		});
		return codes;
	}

	/**
	 * What an import did, and the period whose grid shows the saved figures (the next step: submit
	 * them there), or null when nothing was saved. Not simply the newest open period: a file may
	 * hold last year's figures while the next year is already open.
	 */
	record Outcome(ImportReport report, Long periodId) {

		static Outcome refused(ImportReport report) {
			return new Outcome(report, null);
		}

	}

	@Transactional
	Outcome importRows(List<SpreadsheetRow> rows, ValueWorkflow.Actor actor) {
		if (!actor.roles().contains(Role.REPORTER)) {
			return Outcome.refused(ImportReport.refused(ImportProblem.ofFile("problem.forbidden")));
		}
		List<ImportProblem> problems = new ArrayList<>();
		ImportTable table = ImportTable.read(rows, ValueExchange.IMPORTED, messages, problems);
		if (table == null) {
			return Outcome.refused(ImportReport.refused(problems));
		}
		Map<String, IndicatorInfo> indicatorsByCode = new HashMap<>();
		Map<String, ReportingPeriod> periodsByKey = new HashMap<>();
		periods.findAllByOrderByYearDescKindAscNumberAsc()
			.forEach(period -> periodsByKey.put(period.getYear() + "/" + ValueView.periodLabel(period.getKind(), period.getNumber()), period));
		Map<String, String> periodCodes = periodCodes();
		Map<String, Integer> seen = new HashMap<>();
		List<Staged> staged = new ArrayList<>(table.rows().size());
		for (SpreadsheetRow row : table.rows()) {
			if (table.cell(row, "value").isEmpty() && table.cell(row, "numerator").isEmpty()
					&& table.cell(row, "denominator").isEmpty() && table.cell(row, "note").isEmpty()) {
				// A template's row left empty: nothing to import (emptying a stored figure is done on the grid).
				continue;
			}
			int before = problems.size();
			int number = row.number();
			String code = table.cell(row, "indicator_code");
			IndicatorInfo indicator = indicatorsByCode.computeIfAbsent(code, c -> indicators.byCode(c).orElse(null));
			if (indicator == null) {
				problems.add(problem(number, "indicator_code", "validation.indicator.unknown"));
			}
			String region = table.cell(row, "region_code");
			if (!actor.scope().covers(region)) {
				problems.add(problem(number, "region_code", "validation.region.outOfScope"));
			}
			String period = periodCodes.get(table.cell(row, "period").toUpperCase(Locale.ROOT));
			ReportingPeriod reportingPeriod = period == null ? null : periodsByKey.get(table.cell(row, "year") + "/" + period);
			if (period == null) {
				problems.add(problem(number, "period", "validation.period.unknown"));
			}
			else if (reportingPeriod == null) {
				problems.add(problem(number, "year", "validation.period.unknown"));
			}
			else if (!reportingPeriod.isOpen()) {
				problems.add(problem(number, "year", "reporting.periodClosed"));
			}
			if (problems.size() > before) {
				continue;
			}
			NumberInput.Reading version = NumberInput.read(table.cell(row, "version"), NumberInput.Unit.NONE);
			if (!version.ok() || version.value() != null && version.value().stripTrailingZeros().scale() > 0) {
				problems.add(problem(number, "version", version.ok() ? "typeMismatch" : version.problem()));
			}
			ValueWorkflow.Row checked = ValueWorkflow.checkRow(indicator, reportingPeriod, table.cell(row, "value"),
					table.cell(row, "numerator"), table.cell(row, "denominator"), table.cell(row, "note"));
			checked.problems().forEach(p -> problems.add(problem(number, p.field(), p.code())));
			if (checked.ok() && checked.value() == null && checked.numerator() == null) {
				problems.add(problem(number, "value", "reporting.valueRequired"));
			}
			Integer earlier = seen.putIfAbsent(indicator.id() + "/" + region + "/" + reportingPeriod.getId(), number);
			if (earlier != null) {
				problems.add(ImportProblem.at(number, column("indicator_code"), "import.duplicateRow", earlier));
			}
			if (problems.size() > before) {
				continue;
			}
			staged.add(new Staged(number, indicator.id(), region, reportingPeriod.getId(), checked.value(), checked.numerator(),
					checked.denominator(), checked.note(), version.value() == null ? null : version.value().longValue()));
		}
		if (!problems.isEmpty()) {
			return Outcome.refused(ImportReport.refused(problems));
		}
		copyToStaging(staged);
		// A changed figure that is submitted or approved is refused in the first column that changes it (数值, not 版本):
		// the reporter cannot change it by import at all, whatever the version.
		jdbc.sql("""
				select s.row_no, v.status, case when v.value is distinct from s.value then 'value'
				         when v.numerator is distinct from s.numerator then 'numerator'
				         when v.denominator is distinct from s.denominator then 'denominator' else 'note' end as changed
				from import_staging s
				join indicator_value v on v.indicator_id = s.indicator_id and v.region_code = s.region_code and v.period_id = s.period_id
				where (v.value, v.numerator, v.denominator, v.note) is distinct from (s.value, s.numerator, s.denominator, s.note)
				  and (v.status in ('SUBMITTED', 'APPROVED', 'ACCEPTED') or s.version is null or s.version <> v.version)
				order by s.row_no""")
			.query((rs, n) -> switch (rs.getString("status")) {
				case "DRAFT", "RETURNED" -> problem(rs.getInt(1), "version", "import.staleVersion");
				case "SUBMITTED" -> problem(rs.getInt(1), rs.getString("changed"), "import.submittedLocked");
				default -> problem(rs.getInt(1), rs.getString("changed"), "import.approvedLocked");
			})
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
				.query((rs, n) -> problem(rs.getInt(1), "indicator_code", "reporting.notOwed"))
				.list()
				.forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return Outcome.refused(ImportReport.refused(ImportTable.byRow(problems)));
		}
		List<AuditTrail.Entry> changes = new ArrayList<>();
		jdbc.sql("""
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
				select c.*, u.status, u.version from changed c join updated u on u.id = c.id order by c.id""")
			.param("actor", actor.username())
			.query((rs, n) -> new AuditTrail.Entry(rs.getLong("id"), "UPDATE",
					state(rs.getBigDecimal("old_value"), rs.getBigDecimal("old_numerator"), rs.getBigDecimal("old_denominator"),
							rs.getString("old_note"), rs.getString("old_status"), rs.getLong("old_version")),
					state(rs.getBigDecimal("value"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
							rs.getString("note"), rs.getString("status"), rs.getLong("version")),
					"import"))
			.list()
			.forEach(changes::add);
		int updated = changes.size();
		jdbc.sql("""
				insert into indicator_value (indicator_id, region_code, period_id, value, numerator, denominator, note, updated_by)
				select s.indicator_id, s.region_code, s.period_id, s.value, s.numerator, s.denominator, s.note, :actor
				from import_staging s
				where not exists (select 1 from indicator_value v where v.indicator_id = s.indicator_id
				                  and v.region_code = s.region_code and v.period_id = s.period_id)
				returning id, value, numerator, denominator, note, status, version""")
			.param("actor", actor.username())
			.query((rs, n) -> new AuditTrail.Entry(rs.getLong("id"), "CREATE", null,
					state(rs.getBigDecimal("value"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
							rs.getString("note"), rs.getString("status"), rs.getLong("version")),
					"import"))
			.list()
			.forEach(changes::add);
		int created = changes.size() - updated;
		audit.recordAll(actor.username(), ValueWorkflow.ENTITY, changes);
		// The period of the first saved figure in the file's order.
		Long period = changes.isEmpty() ? null : jdbc.sql("""
				select s.period_id from import_staging s join indicator_value v on v.indicator_id = s.indicator_id
				  and v.region_code = s.region_code and v.period_id = s.period_id
				where v.id = any(:ids) order by s.row_no limit 1""")
			// One array parameter: an IN list of 100,000 ids is over PostgreSQL's 65,535 bind parameters (FaultsIT).
			.param("ids", changes.stream().map(AuditTrail.Entry::entityId).toArray(Long[]::new))
			.query(Long.class)
			.single();
		return new Outcome(new ImportReport(created, updated, staged.size() - created - updated, List.of()), period);
	}

	/** What the audit trail keeps of a figure, as {@link IndicatorValue#state()} does. */
	private static Map<String, Object> state(BigDecimal value, BigDecimal numerator, BigDecimal denominator, String note,
			String status, long version) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("value", value);
		state.put("numerator", numerator);
		state.put("denominator", denominator);
		state.put("note", note);
		state.put("status", status);
		state.put("version", version);
		return state;
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

}
