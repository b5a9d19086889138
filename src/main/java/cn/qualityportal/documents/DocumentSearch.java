package cn.qualityportal.documents;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.qualityportal.organisation.DataScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of documents as plain SQL: one query for a page and one for its count, whatever the
 * filters, always limited to the regions the scope may see. Substring search uses the trigram
 * indexes on title, number and issuer.
 */
@Component
class DocumentSearch {

	private static final String COLUMNS = """
			select d.id, d.title, d.issuer, d.doc_number, d.level, d.region_code, r.name as region_name, d.issue_date, d.status
			from policy_document d join region_directory r on r.code = d.region_code""";

	private final JdbcClient jdbc;

	DocumentSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Page<DocumentSummary> page(DocumentFilter filter, DataScope scope, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (!scope.everything()) {
			where.append(" and d.region_code = any(?)");
			params.add(scope.visibleArray());
		}
		if (filter.status() != null) {
			where.append(" and d.status = ?");
			params.add(filter.status().name());
		}
		if (filter.level() != null) {
			where.append(" and d.level = ?");
			params.add(filter.level().name());
		}
		if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
			where.append(" and d.region_code = ?");
			params.add(filter.regionCode());
		}
		if (filter.year() != null) {
			where.append(" and d.issue_date >= make_date(?, 1, 1) and d.issue_date < make_date(? + 1, 1, 1)");
			params.add(filter.year());
			params.add(filter.year());
		}
		if (!filter.query().isEmpty()) {
			where.append(" and (d.title like ? or d.doc_number like ? or d.issuer like ?)");
			String like = "%" + escapeLike(filter.query()) + "%";
			params.add(like);
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("select count(*) from policy_document d" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<DocumentSummary> content = jdbc
			.sql(COLUMNS + where + " order by d.issue_date desc nulls last, d.id desc limit ? offset ?")
			.params(pageParams)
			.query(DocumentSearch::summary)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	@Transactional(readOnly = true)
	Optional<DocumentSummary> summary(long id, DataScope scope) {
		return jdbc.sql(COLUMNS + " where d.id = ?")
			.param(id)
			.query(DocumentSearch::summary)
			.optional()
			.filter(document -> scope.canSee(document.regionCode()));
	}

	/** The documents this one implements or cites, that the scope may see. */
	@Transactional(readOnly = true)
	List<Lineage> parents(long id, DataScope scope) {
		return jdbc.sql(COLUMNS.replace("select d.id", "select p.relation, d.id")
				+ " join policy_document_parent p on p.parent_id = d.id where p.document_id = ? order by d.issue_date nulls last")
			.param(id)
			.query((rs, row) -> new Lineage(LineageRelation.valueOf(rs.getString("relation")), summary(rs, row)))
			.list()
			.stream()
			.filter(link -> scope.canSee(link.document().regionCode()))
			.toList();
	}

	/** The documents that implement or cite this one, that the scope may see. */
	@Transactional(readOnly = true)
	List<Lineage> children(long id, DataScope scope) {
		return jdbc.sql(COLUMNS.replace("select d.id", "select p.relation, d.id")
				+ " join policy_document_parent p on p.document_id = d.id where p.parent_id = ? order by d.issue_date nulls last")
			.param(id)
			.query((rs, row) -> new Lineage(LineageRelation.valueOf(rs.getString("relation")), summary(rs, row)))
			.list()
			.stream()
			.filter(link -> scope.canSee(link.document().regionCode()))
			.toList();
	}

	/** The documents the scope may see, newest first, that a repealed document can name as superseding it. */
	@Transactional(readOnly = true)
	List<DocumentSummary> choices(DataScope scope) {
		return jdbc.sql(COLUMNS + (scope.everything() ? "" : " where d.region_code = any(?)")
				+ " order by d.issue_date desc nulls last, d.id desc limit 500")
			// One parameter, the array itself (List.of(array) would spread it into one parameter per region).
			.params(scope.everything() ? List.of() : java.util.Collections.singletonList(scope.visibleArray()))
			.query(DocumentSearch::summary)
			.list();
	}

	Optional<Long> idByNumber(String number, DataScope scope) {
		if (number == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id, region_code from policy_document where doc_number = ? order by id")
			.param(number)
			.query((rs, row) -> scope.canSee(rs.getString(2)) ? rs.getLong(1) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** Whether {@code candidate} is {@code id} or one of its descendants: linking it as a parent would close a cycle. */
	boolean isAncestorOrSelf(long id, long candidate) {
		return jdbc.sql("""
				with recursive below (id) as (
				    select cast(? as bigint)
				    union
				    select p.document_id from policy_document_parent p join below b on p.parent_id = b.id)
				select exists (select 1 from below where id = ?)""").params(id, candidate).query(Boolean.class).single();
	}

	static DocumentSummary summary(ResultSet rs, int row) throws SQLException {
		Date issued = rs.getDate("issue_date");
		return new DocumentSummary(rs.getLong("id"), rs.getString("title"), rs.getString("issuer"),
				rs.getString("doc_number"), DocumentLevel.valueOf(rs.getString("level")), rs.getString("region_code"),
				rs.getString("region_name"), issued == null ? null : issued.toLocalDate(),
				DocumentStatus.valueOf(rs.getString("status")));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	record Lineage(LineageRelation relation, DocumentSummary document) {
	}

}
