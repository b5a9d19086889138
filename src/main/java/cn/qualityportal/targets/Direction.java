package cn.qualityportal.targets;

/** Whether an indicator is better when higher (pass rates) or lower (loss rates, accidents). */
public enum Direction {

	HIGHER, LOWER

}
