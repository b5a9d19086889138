/**
 * Who is who: the region tree (GB/T 2260 codes), the departments of each region's government,
 * and the user accounts that belong to one department, with their roles. Other modules use
 * {@link cn.qualityportal.organisation.UserAccounts}, never the repositories.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package cn.qualityportal.organisation;
