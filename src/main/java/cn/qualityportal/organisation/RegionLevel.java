package cn.qualityportal.organisation;

/** Levels of the administrative tree, top down (省 → 市 → 区/县 → 街道/镇). */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY, TOWN

}
