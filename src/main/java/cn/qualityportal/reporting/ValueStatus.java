package cn.qualityportal.reporting;

/**
 * 草稿 → 已提交 → 已审核, or 已提交 → 已退回 → (corrected) 已提交; with two-level review also
 * 已审核 → 已验收 (ACCEPTED), or 已审核 → 已退回 by the level above. Which steps are allowed is
 * {@link ValueRules#next}; which figures are final is the view {@code value_standing}.
 */
public enum ValueStatus {

	DRAFT, SUBMITTED, APPROVED, ACCEPTED, RETURNED;

	/** Whether the reporter may still change the figure. */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

	/** The badge's colour: each status its own, always shown with its label, never by colour alone. */
	public String getBadge() {
		return switch (this) {
			case DRAFT -> "text-bg-secondary";
			case SUBMITTED -> "text-bg-primary";
			case APPROVED -> "text-bg-success";
			case ACCEPTED -> "text-bg-dark";
			case RETURNED -> "text-bg-danger";
		};
	}

}
