package cn.qualityportal.documents;

/** Which government issued a document. */
public enum DocumentLevel {

	NATIONAL, PROVINCIAL, CITY, COUNTY

}
