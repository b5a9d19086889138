package cn.qualityportal.organisation;

/**
 * What an account may do. One account may hold several; the separation between them
 * (an administrator does not approve data, an auditor only reads) is enforced on the server.
 */
public enum Role {

	/** System administrator (系统管理员): accounts, regions, departments; neither roles, data review nor the audit trail. */
	ADMIN,
	/** Security administrator (安全管理员): grants and revokes roles, unlocks accounts. */
	SECURITY_ADMIN,
	/** Leading-group office (领导小组办公室): documents, targets, reporting periods. */
	OFFICE,
	/** Checks submissions of their unit or the units below it (审核人). */
	REVIEWER,
	/** Enters their unit's yearly figures (填报人). */
	REPORTER,
	/** Leadership: read-only dashboards of their region and below (领导). */
	LEADER,
	/** Reads the audit trail (审计员), and nothing else. */
	AUDITOR;

	/**
	 * The three administrators of 三员分立 hold their role alone: no one both manages accounts and
	 * grants roles, approves figures or audits them.
	 */
	public boolean isAdministrative() {
		return this == ADMIN || this == SECURITY_ADMIN || this == AUDITOR;
	}

	/** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
