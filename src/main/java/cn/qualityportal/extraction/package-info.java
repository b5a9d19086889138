/**
 * Turns a policy document's text into proposed targets, direction-only statements and document
 * metadata, each with its exact quote and offsets into the submitted text. Pure rules over the
 * language of such documents (no model, no network); the office reviews the proposals, which the
 * targets module turns into targets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Extraction", allowedDependencies = { "documents", "spreadsheets", "system" })
package cn.qualityportal.extraction;
