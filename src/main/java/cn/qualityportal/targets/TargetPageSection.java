package cn.qualityportal.targets;

import cn.qualityportal.organisation.DataScope;

/**
 * A part of the target page contributed by a module that builds on targets (its figures, trend and
 * status), so the page shows them without targets depending on those modules; the counterpart of
 * {@link cn.qualityportal.documents.DocumentPageSection}.
 */
public interface TargetPageSection {

	/** The target the page shows. */
	record Subject(long targetId, long indicatorId, String regionCode, long documentId) {
	}

	/** Thymeleaf template holding a fragment named {@code section}, given the model as {@code section}. */
	String template();

	/** What the fragment shows for this target, already limited to the reader's scope. */
	Object model(Subject target, DataScope scope);

}
