package cn.qualityportal.documents;

/** How a document relates to a parent: it implements it (贯彻落实), or only cites it. */
public enum LineageRelation {

	IMPLEMENTS, CITES

}
