package cn.qualityportal.organisation;

/** The place of an account in the tree: its department and that department's region. */
public record Unit(long departmentId, String departmentName, String regionCode, String regionName)
		implements java.io.Serializable {

}
