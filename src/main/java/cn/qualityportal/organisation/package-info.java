/**
 * Who is who: the region tree (GB/T 2260 codes), the departments of each region's government,
 * and the user accounts that belong to one department, with their roles. Other modules use
 * {@link cn.qualityportal.organisation.UserAccounts}, never the repositories.
 *
 * <p>Owns: {@code region}, {@code department}, {@code user_account}, {@code user_account_role},
 * {@code password_history}, {@code sign_in_attempt}, {@code region_level_rank},
 * {@code region_parent_is_higher}, {@code region_active_until}.
 * <p>Publishes: {@code region_directory}, {@code department_directory}, {@code account_directory},
 * {@code region_subtree}, {@code region_ancestry} (the region and all above it), {@code region_active_in},
 * {@code person_name} (an account's person, for lists and histories), {@code role_holder} (enabled accounts
 * with their roles, unit, region and scope: who receives announcements and reminders).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = { "system", "spreadsheets", "audit" })
package cn.qualityportal.organisation;
