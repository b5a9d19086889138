/**
 * The annual assessment (考核, 赛马比拼): a configurable scheme per year, each subregion's score
 * explained line by line from its targets' statuses and its reporting record, the ranking with
 * its movement against the year before, and publication, after which results are frozen and the
 * act is in the audit trail. On top of it the rubric (考核评分细则): criteria scored from the
 * scheme or by hand, bonus, deduction and veto items, each subregion's self-assessment with
 * evidence, the office's review, results with grades, and score sheets as PDF and xlsx.
 *
 * <p>Owns: {@code assessment_scheme}, {@code assessment_weight}, {@code assessment_publication},
 * {@code assessment_result}, {@code assessment_is_frozen}, {@code rubric}, {@code rubric_item},
 * {@code self_assessment}, {@code self_assessment_line}, {@code self_assessment_evidence},
 * {@code rubric_publication}, {@code rubric_guard_published}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment", allowedDependencies = { "progress", "reporting", "audit", "organisation", "security", "spreadsheets", "system", "targets" })
package cn.qualityportal.assessment;
