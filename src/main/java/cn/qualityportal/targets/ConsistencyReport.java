package cn.qualityportal.targets;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A document's consistency with the documents it implements ({@link TargetConsistency}): each of its
 * targets beside the parent's target for the same indicator, the findings (weaker targets and parent
 * targets it leaves out), and the office's acknowledgements of findings as intended, with a reason.
 * A finding whose acknowledgement no longer matches (it changed since) needs a look again.
 */
@Component
class ConsistencyReport {

	static final String OMITTED = "consistency.omitted";

	private static final String ENTITY = "consistency_acknowledgement";

	private final TargetSearch targets;

	private final Documents documents;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ConsistencyReport(TargetSearch targets, Documents documents, JdbcClient jdbc, AuditTrail audit) {
		this.targets = targets;
		this.documents = documents;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** One difference from a parent document: {@code target} is null when the document leaves the parent target out. */
	record Finding(TargetRow target, TargetRow parent, List<String> findings, Acknowledgement acknowledgement) {

		/** Still to be looked at: not acknowledged, or acknowledged for other findings than today's. */
		public boolean open() {
			return acknowledgement == null || !acknowledgement.findings().equals(key(findings));
		}

		public TargetRow shown() {
			return target != null ? target : parent;
		}

	}

	record Acknowledgement(long parentTargetId, Long targetId, String findings, String reason, String by,
			OffsetDateTime at) {
	}

	record CheckedTarget(TargetRow row, TargetRow parent, List<String> weaknesses, boolean intended) {
	}

	record Report(List<TargetRow> rows, List<CheckedTarget> checked, boolean hasParents, List<Finding> open,
			List<Finding> intended) {
	}

	@Transactional(readOnly = true)
	Report of(DocumentSummary document, DataScope scope) {
		List<TargetRow> rows = targets.ofDocument(document.id(), scope);
		List<DocumentSummary> parents = documents.implementedBy(document.id(), scope);
		List<TargetRow> parentTargets = targets.ofDocuments(parents.stream().map(DocumentSummary::id).toList());
		Map<String, Acknowledgement> acknowledged = parents.isEmpty() ? Map.of() : acknowledgements(document.id());
		List<CheckedTarget> checked = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (TargetRow row : rows) {
			TargetRow counterpart = TargetConsistency.counterpart(row, parentTargets).orElse(null);
			List<String> weaknesses = counterpart == null ? List.of() : TargetConsistency.weaknesses(row, counterpart);
			Finding finding = null;
			if (!weaknesses.isEmpty()) {
				finding = new Finding(row, counterpart, weaknesses, acknowledged.get(counterpart.id() + "/" + row.id()));
				findings.add(finding);
			}
			checked.add(new CheckedTarget(row, counterpart, weaknesses, finding != null && !finding.open()));
		}
		for (TargetRow parent : TargetConsistency.omitted(rows, parentTargets, document.regionCode())) {
			findings.add(new Finding(null, parent, List.of(OMITTED), acknowledged.get(parent.id() + "/")));
		}
		return new Report(rows, checked, !parents.isEmpty(), findings.stream().filter(Finding::open).toList(),
				findings.stream().filter(finding -> !finding.open()).toList());
	}

	/** The finding of this pair as it stands today, if there is one. */
	java.util.Optional<Finding> finding(DocumentSummary document, DataScope scope, long parentTargetId, Long targetId) {
		Report report = of(document, scope);
		return java.util.stream.Stream.concat(report.open().stream(), report.intended().stream())
			.filter(finding -> finding.parent().id() == parentTargetId
					&& Objects.equals(finding.target() == null ? null : finding.target().id(), targetId))
			.findFirst();
	}

	/** Marks a finding as intended, with the office's reason; audited. */
	@Transactional
	void acknowledge(long documentId, Finding finding, String reason, String actor) {
		Long targetId = finding.target() == null ? null : finding.target().id();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("parentTargetId", finding.parent().id());
		state.put("targetId", targetId);
		state.put("findings", key(finding.findings()));
		state.put("reason", reason);
		Long id = jdbc.sql("""
				insert into consistency_acknowledgement (document_id, parent_target_id, target_id, findings, reason, acknowledged_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (document_id, parent_target_id, target_id) do update
				   set findings = excluded.findings, reason = excluded.reason, acknowledged_by = excluded.acknowledged_by,
				       acknowledged_at = now()
				returning id""")
			.params(documentId, finding.parent().id(), targetId, key(finding.findings()), reason, actor)
			.query(Long.class)
			.single();
		audit.record(actor, ENTITY, id, "ACKNOWLEDGE", finding.acknowledgement() == null ? null
				: Map.of("findings", finding.acknowledgement().findings(), "reason", finding.acknowledgement().reason()),
				state, reason);
	}

	/** Withdraws an acknowledgement, so the finding needs a look again; audited. */
	@Transactional
	boolean withdraw(long documentId, long parentTargetId, Long targetId, String actor) {
		Map<String, Object> old = new HashMap<>();
		Long id = jdbc.sql("""
				delete from consistency_acknowledgement
				where document_id = ? and parent_target_id = ? and target_id is not distinct from ?
				returning id, findings, reason""")
			.params(documentId, parentTargetId, targetId)
			.query((rs, row) -> {
				old.put("findings", rs.getString("findings"));
				old.put("reason", rs.getString("reason"));
				return rs.getLong("id");
			})
			.optional()
			.orElse(null);
		if (id == null) {
			return false;
		}
		audit.record(actor, ENTITY, id, "WITHDRAW", old, null, null);
		return true;
	}

	private Map<String, Acknowledgement> acknowledgements(long documentId) {
		Map<String, Acknowledgement> acknowledged = new HashMap<>();
		jdbc.sql("""
				select parent_target_id, target_id, findings, reason, acknowledged_by, acknowledged_at
				from consistency_acknowledgement where document_id = ?""")
			.param(documentId)
			.query((rs, row) -> new Acknowledgement(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list()
			.forEach(ack -> acknowledged.put(ack.parentTargetId() + "/" + (ack.targetId() == null ? "" : ack.targetId()), ack));
		return acknowledged;
	}

	static String key(List<String> findings) {
		return String.join(",", findings);
	}

}
