package cn.qualityportal.documents;

import cn.qualityportal.organisation.DataScope;

/**
 * A part of the document page contributed by a module that builds on documents (goals, targets,
 * tasks), so the page shows them without documents depending on those modules.
 */
public interface DocumentPageSection {

	/** Thymeleaf template holding a fragment named {@code section}, given the model as {@code section}. */
	String template();

	/** What the fragment shows for this document, already limited to the reader's scope. */
	Object model(DocumentSummary document, DataScope scope);

	/** Sections appear in ascending order. */
	default int order() {
		return 0;
	}

}
