package cn.qualityportal.organisation;

/** What a department does; lets the portal suggest who supplies which indicator. Labels in the bundles. */
public enum DepartmentKind {

	GOVERNMENT_OFFICE, MARKET_REGULATION, HOUSING, AGRICULTURE, COMMERCE, CULTURE_TOURISM, INDUSTRY_IT, HEALTH,
	ECOLOGY_ENVIRONMENT, EDUCATION, TRANSPORT, DEVELOPMENT_ZONE, STATISTICS, OTHER

}
