package cn.qualityportal.organisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Who owns the installation-wide settings (reporting periods, the indicator catalogue, the yearly
 * assessment schemes): the leading-group office of the region at the top of the portal's own
 * tree, not any account holding the OFFICE role. A district's office changes its district's
 * documents and targets, never what every district reports against. The owning region is
 * {@code portal.settings-region} ({@code PORTAL_SETTINGS_REGION}) when set, and otherwise the
 * region of the highest office: an office with an office above it in the region tree does not own
 * them. Method security asks this bean ({@code @installationSettings.ownedBy(authentication.name)})
 * beside the role, so the rule lives here once.
 */
@Service("installationSettings")
public class InstallationSettings {

	private final JdbcClient jdbc;

	private final String settingsRegion;

	InstallationSettings(JdbcClient jdbc, @Value("${portal.settings-region:}") String settingsRegion) {
		this.jdbc = jdbc;
		this.settingsRegion = settingsRegion.strip();
	}

	/** Whether this account's office owns the installation-wide settings. */
	@Transactional(readOnly = true)
	public boolean ownedBy(String username) {
		if (StringUtils.hasText(settingsRegion)) {
			return jdbc.sql("""
					with recursive up(code) as (
					  select cast(:settings as varchar) union all
					  select r.parent_code from region r join up on r.code = up.code where r.parent_code is not null)
					select exists (select 1 from user_account a join department d on d.id = a.department_id
					               where a.username = :username
					                 and (d.region_code = :settings or (a.scope_includes_subregions and d.region_code in (select code from up))))""")
				.param("settings", settingsRegion)
				.param("username", UserAccounts.normalise(username))
				.query(Boolean.class)
				.single();
		}
		return jdbc.sql("""
				with recursive up(code) as (
				  select r.parent_code from user_account a join department d on d.id = a.department_id
				    join region r on r.code = d.region_code where a.username = :username and r.parent_code is not null
				  union all
				  select r.parent_code from region r join up on r.code = up.code where r.parent_code is not null)
				select exists (select 1 from user_account where username = :username and department_id is not null)
				   and not exists (select 1 from user_account a join user_account_role ro on ro.account_id = a.id and ro.role = 'OFFICE'
				                   join department d on d.id = a.department_id
				                   where a.enabled and d.region_code in (select code from up))""")
			.param("username", UserAccounts.normalise(username))
			.query(Boolean.class)
			.single();
	}

}
