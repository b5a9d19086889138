package cn.qualityportal.documents;

import java.util.List;
import java.util.Optional;

import cn.qualityportal.organisation.DataScope;
import org.springframework.stereotype.Service;

/** Documents as other modules see them, always through the reader's scope. */
@Service
public class Documents {

	private final DocumentSearch search;

	Documents(DocumentSearch search) {
		this.search = search;
	}

	public Optional<DocumentSummary> find(long id, DataScope scope) {
		return search.summary(id, scope);
	}

	/** The documents this one implements (not those it only cites). */
	public List<DocumentSummary> implementedBy(long id, DataScope scope) {
		return search.parents(id, scope)
			.stream()
			.filter(link -> link.relation() == LineageRelation.IMPLEMENTS)
			.map(DocumentSearch.Lineage::document)
			.toList();
	}

}
