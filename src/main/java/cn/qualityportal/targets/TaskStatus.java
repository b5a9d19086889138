package cn.qualityportal.targets;

public enum TaskStatus {

	NOT_STARTED, IN_PROGRESS, DONE, DELAYED

}
