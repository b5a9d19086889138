package cn.qualityportal.organisation;

/**
 * What an account may do. One account may hold several; the separation between them
 * (an administrator does not approve data, an auditor only reads) is enforced on the server.
 */
public enum Role {

	/** System administrator: accounts and settings. */
	ADMIN,
	/** Leading-group office (领导小组办公室): documents, targets, reporting periods. */
	OFFICE,
	/** Checks submissions of their unit or the units below it (审核人). */
	REVIEWER,
	/** Enters their unit's yearly figures (填报人). */
	REPORTER,
	/** Leadership: read-only dashboards of their region and below (领导). */
	LEADER,
	/** Reads the audit trail (审计员). */
	AUDITOR;

	/** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
