package cn.qualityportal.publication;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is public, and the office's acts that change it. A document is public while it is in force
 * and published; a year is public for a document while it is published for the document's region
 * or a region above it (the city office publishes its year for the city's and the counties'
 * documents). Every act is checked against the office's scope and written to the audit trail in
 * the same transaction.
 */
@Service
public class Publications {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Publications(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A document as the public site shows it. */
	public record PublicDocument(long id, String title, String issuer, String docNumber, String regionCode,
			String regionName, java.time.LocalDate issueDate, OffsetDateTime publishedAt) {

		public String label() {
			return docNumber != null ? docNumber : title;
		}

	}

	/** A document the office may publish, with whether it is. */
	public record Candidate(long id, String label, String title, String regionName, String status, boolean published,
			OffsetDateTime publishedAt, String publishedBy) {

		public boolean inForce() {
			return "IN_FORCE".equals(status);
		}

	}

	/** An annual period the office may publish for its region. */
	public record YearCandidate(int year, boolean closed, boolean published, OffsetDateTime publishedAt,
			String publishedBy) {
	}

	private static final String PUBLIC_DOCUMENT = """
			select d.id, d.title, d.issuer, d.doc_number, d.region_code, r.name as region_name, d.issue_date, p.published_at
			from document_directory d
			join published_document p on p.document_id = d.id
			join region_directory r on r.code = d.region_code
			where d.status = 'IN_FORCE'""";

	/**
	 * A token that changes whenever anything the public site shows may have changed: a figure,
	 * target, milestone, indicator or region, or a recomputation of statuses ({@code ProgressBoard.VERSION_SQL}), a publication
	 * or withdrawal, a document, goal or department. The public pages' ETag is derived from it.
	 */
	@Transactional(readOnly = true)
	public String version() {
		return jdbc.sql("""
				select concat_ws(':', """ + cn.qualityportal.progress.ProgressBoard.VERSION_SQL + """
				  , (select count(*) || '-' || coalesce(max(published_at)::text, '') from published_document),
				  (select count(*) || '-' || coalesce(max(published_at)::text, '') from published_year),
				  (select count(*) || '-' || coalesce(sum(version), 0) || '-' || coalesce(max(updated_at)::text, '') from document_directory),
				  (select count(*) || '-' || coalesce(sum(version), 0) from goal_directory),
				  (select count(*) || '-' || coalesce(sum(version), 0) from department_directory))""")
			.query(String.class)
			.single();
	}

	/** Every public document, newest first. */
	@Transactional(readOnly = true)
	public List<PublicDocument> publicDocuments() {
		return jdbc.sql(PUBLIC_DOCUMENT + " order by d.issue_date desc nulls last, d.id desc")
			.query(PublicDocument.class)
			.list();
	}

	/** The document, only when it is public. */
	@Transactional(readOnly = true)
	public Optional<PublicDocument> publicDocument(long id) {
		return jdbc.sql(PUBLIC_DOCUMENT + " and d.id = ?").param(id).query(PublicDocument.class).optional();
	}

	/** The years public for a document (published for its region or one above), oldest first. */
	@Transactional(readOnly = true)
	public TreeSet<Integer> publicYears(long documentId) {
		return new TreeSet<>(jdbc.sql("""
				with recursive above (code, parent_code) as (
				    select r.code, r.parent_code from region_directory r join document_directory d on d.region_code = r.code where d.id = ?
				    union all select r.code, r.parent_code from region_directory r join above a on r.code = a.parent_code)
				select distinct y.year from published_year y where y.region_code in (select code from above)""")
			.param(documentId)
			.query(Integer.class)
			.list());
	}

	/** The documents of the office's regions, with whether each is published. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(DataScope scope) {
		return jdbc.sql("""
				select d.id, coalesce(d.doc_number, d.title) as label, d.title, r.name as region_name, d.status,
				       p.document_id is not null as published, p.published_at,
				       person_name(p.published_by) as published_by
				from document_directory d
				join region_directory r on r.code = d.region_code
				left join published_document p on p.document_id = d.id
				where (:everything or d.region_code = any(:scope))
				order by d.region_code, d.issue_date desc nulls last, d.id desc""")
			.param("everything", scope.everything())
			.param("scope", scope.writableArray())
			.query(Candidate.class)
			.list();
	}

	/** The annual periods, with whether each year is published for the region. */
	@Transactional(readOnly = true)
	public List<YearCandidate> yearCandidates(String regionCode) {
		return jdbc.sql("""
				select p.year, p.closed, y.year is not null as published, y.published_at,
				       person_name(y.published_by) as published_by
				from reporting_year p
				left join published_year y on y.year = p.year and y.region_code = :region
				order by p.year desc""")
			.param("region", regionCode)
			.query(YearCandidate.class)
			.list();
	}

	/** The document the office may publish or withdraw; 404 outside its regions. */
	@Transactional(readOnly = true)
	public Candidate candidate(long id, DataScope scope) {
		return candidates(scope).stream()
			.filter(candidate -> candidate.id() == id)
			.findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
	}

	/** Publishes a document in force of the office's regions; publishing it again changes nothing. */
	@Transactional
	public void publishDocument(long id, DataScope scope, String actor) {
		Candidate document = candidate(id, scope);
		if (!document.inForce()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "publication.notInForce");
		}
		int inserted = jdbc.sql("insert into published_document (document_id, published_by) values (?, ?) on conflict do nothing")
			.params(id, actor)
			.update();
		if (inserted > 0) {
			audit.record(actor, "published_document", id, "PUBLISH", null, Map.of("document", document.label()), null);
		}
	}

	/** Takes a document off the public site. */
	@Transactional
	public void withdrawDocument(long id, DataScope scope, String actor) {
		Candidate document = candidate(id, scope);
		int deleted = jdbc.sql("delete from published_document where document_id = ?").param(id).update();
		if (deleted > 0) {
			audit.record(actor, "published_document", id, "WITHDRAW", Map.of("document", document.label()), null, null);
		}
	}

	/** Publishes a year's progress for the region; only a closed year (its figures are final). */
	@Transactional
	public void publishYear(String regionCode, int year, DataScope scope, String actor) {
		YearCandidate candidate = yearCandidate(regionCode, year, scope);
		if (!candidate.closed()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "publication.yearOpen");
		}
		int inserted = jdbc.sql("insert into published_year (region_code, year, published_by) values (?, ?, ?) on conflict do nothing")
			.params(regionCode, year, actor)
			.update();
		if (inserted > 0) {
			audit.record(actor, "published_year", (long) year, "PUBLISH", null, Map.of("region", regionCode, "year", year), null);
		}
	}

	/** Takes a year's progress of the region off the public site. */
	@Transactional
	public void withdrawYear(String regionCode, int year, DataScope scope, String actor) {
		yearCandidate(regionCode, year, scope);
		int deleted = jdbc.sql("delete from published_year where region_code = ? and year = ?").params(regionCode, year).update();
		if (deleted > 0) {
			audit.record(actor, "published_year", (long) year, "WITHDRAW", Map.of("region", regionCode, "year", year), null, null);
		}
	}

	private YearCandidate yearCandidate(String regionCode, int year, DataScope scope) {
		if (!scope.covers(regionCode)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		return yearCandidates(regionCode).stream()
			.filter(candidate -> candidate.year() == year)
			.findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
	}

}
