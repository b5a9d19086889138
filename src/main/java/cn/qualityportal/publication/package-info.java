/**
 * Publication (政务公开): the office's explicit acts of publishing a document and a year's progress
 * (previewed, confirmed, audited, withdrawable), and the public read-only site under {@code /gk/}
 * that shows only what was published: documents in force and published, approved figures, published
 * years. It reads statuses through {@link cn.qualityportal.progress.ProgressBoard}, so the public
 * site applies the same rules as the portal.
 *
 * <p>Owns: {@code published_document}, {@code published_year}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publication", allowedDependencies = { "progress", "targets", "documents", "reporting", "organisation", "audit", "spreadsheets", "security", "system" })
package cn.qualityportal.publication;
