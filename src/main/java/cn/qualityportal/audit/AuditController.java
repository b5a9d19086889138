package cn.qualityportal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import cn.qualityportal.spreadsheets.CsvCells;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The audit trail for auditors and administrators: filtered, paged, and exported as CSV. Read only, like the table. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	AuditController(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	record Filter(String entity, String actor, String action, LocalDate from, LocalDate to) {
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Filter filter = new Filter(entity.strip(), actor.strip(), action.strip(), from, to);
		int current = Math.max(page, 0);
		model.addAttribute("filter", filter);
		List<Map<String, Object>> rows = rows(filter, PAGE_SIZE + 1, (long) current * PAGE_SIZE);
		model.addAttribute("rows", rows);
		model.addAttribute("changes", rows.stream()
			.map(row -> AuditChanges.between((String) row.get("old_state"), (String) row.get("new_state")))
			.toList());
		model.addAttribute("pageNumber", current);
		model.addAttribute("pageSize", PAGE_SIZE);
		return "audit/list";
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) throws IOException {
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
			// Headings in the reader's language like every export; the cells stay as recorded (states, codes).
			CsvCells.printRecord(printer, java.util.stream.Stream
				.of("audit.time", "audit.actor", "audit.address", "audit.entity", "audit.csv.entityId", "audit.action",
						"audit.csv.oldState", "audit.csv.newState", "audit.reason")
				.map(key -> messages.getMessage(key, null, LocaleContextHolder.getLocale()))
				.toArray());
			for (Map<String, Object> row : rows(new Filter(entity.strip(), actor.strip(), action.strip(), from, to), 100_000, 0)) {
				CsvCells.printRecord(printer, row.get("occurred_at"), row.get("actor"), row.get("address"), row.get("entity"),
						row.get("entity_id"), row.get("action"), row.get("old_state"), row.get("new_state"), row.get("reason"));
			}
		}
		return ResponseEntity.ok()
			// 审计日志.csv, with an ASCII name for clients that cannot read RFC 5987's encoded one.
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"; filename*=UTF-8''"
					+ UriUtils.encode(messages.getMessage("audit.title", null, LocaleContextHolder.getLocale()) + ".csv",
							StandardCharsets.UTF_8))
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private List<Map<String, Object>> rows(Filter filter, int limit, long offset) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (!filter.entity().isEmpty()) {
			where.append(" and entity = ?");
			params.add(filter.entity());
		}
		if (!filter.actor().isEmpty()) {
			where.append(" and actor = ?");
			params.add(filter.actor());
		}
		if (!filter.action().isEmpty()) {
			where.append(" and action = ?");
			params.add(filter.action());
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= cast(? as date)");
			params.add(filter.from());
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < cast(? as date) + 1");
			params.add(filter.to());
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql("""
				select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as occurred_at, actor, address,
				       entity, entity_id, action, old_state::text as old_state, new_state::text as new_state, reason
				from audit_log""" + where + " order by occurred_at desc, id desc limit ? offset ?")
			.params(params)
			.query()
			.listOfRows();
	}

}
