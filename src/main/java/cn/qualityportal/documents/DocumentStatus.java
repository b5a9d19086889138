package cn.qualityportal.documents;

/** 草稿, 现行有效, 已废止 (with date and, where known, the superseding document), 已失效. */
public enum DocumentStatus {

	DRAFT, IN_FORCE, REPEALED, EXPIRED

}
