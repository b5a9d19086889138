package cn.qualityportal.reporting;

import java.security.Principal;

import cn.qualityportal.organisation.Role;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.HomePageSection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** On a reporter's home page: the figures their unit still owes in the open periods. */
@Component
class OwedSection implements HomePageSection {

	private final Completeness completeness;

	OwedSection(Completeness completeness) {
		this.completeness = completeness;
	}

	@Override
	public String template() {
		return "reporting/_owed";
	}

	@Override
	public Object model(Principal principal) {
		if (!(principal instanceof Authentication authentication)
				|| !(authentication.getPrincipal() instanceof PortalUser user) || !user.hasRole(Role.REPORTER)
				|| user.unit() == null) {
			return null;
		}
		return completeness.owedBy(user.unit().regionCode(), user.unit().departmentId());
	}

}
