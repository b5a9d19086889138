package cn.qualityportal.targets;

/** Goal areas of quality programmes (see DOMAIN.md); also an indicator's category. */
public enum GoalArea {

	OVERALL, PRODUCT, CONSTRUCTION, SERVICE, ENVIRONMENT, BRAND, STANDARD, INFRASTRUCTURE, GOVERNANCE, TALENT_CULTURE,
	OTHER

}
