package cn.qualityportal.organisation;

/** Levels of the administrative tree, top down (全国 → 省 → 市 → 区/县 → 街道/镇); order matters. */
public enum RegionLevel {

	NATIONAL, PROVINCE, CITY, COUNTY, TOWN

}
