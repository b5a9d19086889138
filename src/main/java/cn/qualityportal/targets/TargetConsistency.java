package cn.qualityportal.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a target of an implementing document is weaker than the parent document's target for the
 * same indicator: a lower threshold (higher, when lower is better), a later deadline, or, for
 * counts, less than the share the parent set for this region. Counts are compared only with a
 * share for the same region, as a district's count is naturally below its city's.
 */
final class TargetConsistency {

	private TargetConsistency() {
	}

	/** The parent target to compare with: the one for the same region, else the parent document's own. */
	static Optional<TargetRow> counterpart(TargetRow target, List<TargetRow> parentTargets) {
		return parentTargets.stream()
			.filter(parent -> parent.indicatorId() == target.indicatorId())
			.filter(parent -> parent.regionCode().equals(target.regionCode()))
			.findFirst()
			.or(() -> parentTargets.stream()
				.filter(parent -> parent.indicatorId() == target.indicatorId() && parent.parentTargetId() == null)
				.findFirst());
	}

	/** Message keys of the ways {@code target} is weaker than {@code parent}; empty when it is not. */
	static List<String> weaknesses(TargetRow target, TargetRow parent) {
		List<String> weaknesses = new ArrayList<>();
		if (target.deadlineYear() > parent.deadlineYear()) {
			weaknesses.add("consistency.laterDeadline");
		}
		boolean sameRegion = target.regionCode().equals(parent.regionCode());
		boolean additive = target.valueType() == ValueType.COUNT || target.valueType() == ValueType.AMOUNT;
		if (additive && !sameRegion) {
			return weaknesses;
		}
		if (target.comparator().isChange() != parent.comparator().isChange()) {
			return weaknesses;
		}
		int comparison = target.value().compareTo(parent.value());
		// A change (提高/降低 N) is stronger the larger it is; a level, in the indicator's direction.
		boolean weaker = target.comparator().isChange() || target.direction() == Direction.HIGHER ? comparison < 0
				: comparison > 0;
		if (weaker) {
			weaknesses.add(additive ? "consistency.smallerShare" : "consistency.weakerThreshold");
		}
		return weaknesses;
	}

}
