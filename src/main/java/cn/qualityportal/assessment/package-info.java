/**
 * The annual assessment (考核, 赛马比拼): a configurable scheme per year, each subregion's score
 * explained line by line from its targets' statuses and its reporting record, the ranking with
 * its movement against the year before, and publication, after which results are frozen and the
 * act is in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package cn.qualityportal.assessment;
