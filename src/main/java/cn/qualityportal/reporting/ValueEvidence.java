package cn.qualityportal.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.reporting.ValueWorkflow.Actor;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of a reported figure, stored in PostgreSQL. Reporters attach and remove them while
 * the figure is a draft or returned; anyone whose scope covers the figure may download them. Every
 * attachment and removal is in the audit trail of the figure.
 */
@Service
class ValueEvidence {

	static final int MAX_BYTES = UploadedFiles.EVIDENCE_MAX_BYTES;

	static final int MAX_FILES = UploadedFiles.EVIDENCE_MAX_FILES;

	private final JdbcClient jdbc;

	private final ValueWorkflow workflow;

	private final AuditTrail audit;

	ValueEvidence(JdbcClient jdbc, ValueWorkflow workflow, AuditTrail audit) {
		this.jdbc = jdbc;
		this.workflow = workflow;
		this.audit = audit;
	}

	/** {@code uploadedAt} as Beijing time, the way every page shows times. */
	record Evidence(long id, String filename, String contentType, int sizeBytes, String uploadedAt, String uploadedBy,
			String uploadedByName) {
	}

	record StoredFile(String filename, String contentType, byte[] content) {
	}

	/** The content type of an evidence file whose bytes are what its (allowed) extension says. */
	static Optional<String> contentType(String filename, byte[] bytes) {
		return UploadedFiles.contentType(filename, bytes, UploadedFiles.EVIDENCE_TYPES);
	}

	List<Evidence> of(long valueId, Actor actor) {
		workflow.covered(valueId, actor);
		return jdbc.sql("""
				select id, filename, content_type, size_bytes,
				  to_char(uploaded_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), uploaded_by, person_name(uploaded_by)
				from value_evidence where value_id = ? order by id""")
			.param(valueId)
			.query((rs, row) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	@Transactional
	long attach(long valueId, String originalName, byte[] content, Actor actor) {
		IndicatorValue value = editable(valueId, actor);
		if (content.length > MAX_BYTES) {
			throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge");
		}
		String filename = UploadedFiles.safeName(originalName, "evidence");
		String contentType = contentType(filename, content)
			.orElseThrow(() -> new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.type"));
		// Taking the figure's row lock keeps two uploads at once from passing the count together.
		jdbc.sql("select id from indicator_value where id = ? for update").param(valueId).query(Long.class).single();
		int count = jdbc.sql("select count(*) from value_evidence where value_id = ?").param(valueId).query(Integer.class).single();
		if (count >= MAX_FILES) {
			throw new Refusal(HttpStatus.CONFLICT, "evidence.tooMany");
		}
		long id = jdbc.sql("""
				insert into value_evidence (value_id, filename, content_type, size_bytes, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(valueId, filename, contentType, content.length, content, actor.username())
			.query(Long.class)
			.single();
		audit.record(actor.username(), ValueWorkflow.ENTITY, value.getId(), "EVIDENCE_ADD", null,
				Map.of("evidence", id, "filename", filename, "sizeBytes", content.length), null);
		return id;
	}

	@Transactional
	void remove(long valueId, long evidenceId, Actor actor) {
		IndicatorValue value = editable(valueId, actor);
		String filename = jdbc.sql("delete from value_evidence where id = ? and value_id = ? returning filename")
			.params(evidenceId, valueId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Refusal.NotFound());
		audit.record(actor.username(), ValueWorkflow.ENTITY, value.getId(), "EVIDENCE_REMOVE",
				Map.of("evidence", evidenceId, "filename", filename), null, null);
	}

	StoredFile load(long valueId, long evidenceId, Actor actor) {
		workflow.covered(valueId, actor);
		return jdbc.sql("select filename, content_type, content from value_evidence where id = ? and value_id = ?")
			.params(evidenceId, valueId)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new Refusal.NotFound());
	}

	private IndicatorValue editable(long valueId, Actor actor) {
		ValueWorkflow.require(actor, Role.REPORTER);
		IndicatorValue value = workflow.covered(valueId, actor);
		if (!value.getStatus().isEditable()) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.locked");
		}
		workflow.openPeriod(value);
		return value;
	}

}
