package cn.qualityportal.targets;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/** The value a target should have reached by the end of one year (年度目标). */
@Embeddable
public record Milestone(int year, BigDecimal value) {

}
