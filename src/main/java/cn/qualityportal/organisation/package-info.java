/**
 * Who is who: the region tree (GB/T 2260 codes), the departments of each region's government,
 * and the user accounts that belong to one department, with their roles. Other modules use
 * {@link cn.qualityportal.organisation.UserAccounts}, never the repositories.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = { "system", "spreadsheets", "audit" })
@cn.qualityportal.DatabaseObjects(owns = { "region", "department", "user_account", "user_account_role", "password_history", "sign_in_attempt", "region_level_rank", "region_parent_is_higher", "region_active_until" },
		publishes = { "region_directory", "department_directory", "account_directory", "region_subtree", "region_active_in" })
package cn.qualityportal.organisation;
