package cn.qualityportal.targets;

/** Goal areas of quality programmes (see DOMAIN.md); also an indicator's category. */
public enum GoalArea {

	OVERALL, PRODUCT, CONSTRUCTION, SERVICE, ENVIRONMENT, BRAND, STANDARD, INFRASTRUCTURE, GOVERNANCE, TALENT_CULTURE,
	OTHER;

	/** The area of a stored name; OTHER for one this version does not know (categories are free text). */
	public static GoalArea of(String name) {
		for (GoalArea area : values()) {
			if (area.name().equals(name)) {
				return area;
			}
		}
		return OTHER;
	}

}
