package cn.qualityportal.targets;

/** How district values combine into a city value: summed, weighted by denominator, or not at all. */
public enum Aggregation {

	SUM, WEIGHTED, NONE

}
