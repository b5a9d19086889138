package cn.qualityportal.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a target of an implementing document is weaker than the parent document's target for the
 * same indicator: a lower threshold (higher, when lower is better), a later deadline, a range with a
 * lower bound (1–2 家 against 2–3 家), or, for counts, less than the share the parent set for this
 * region; and which parent targets the document leaves out. Single counts are compared only with a
 * share for the same region, as a district's count is naturally below its city's; two ranges are
 * compared wherever they are set, as documents state ranges per unit (每个县区培育 2–3 家).
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
		boolean bothRanges = target.comparator() == Comparator.RANGE && parent.comparator() == Comparator.RANGE;
		if (bothRanges || (sameRegion || !additive)
				&& (target.comparator() == Comparator.RANGE || parent.comparator() == Comparator.RANGE)) {
			if (weakerRange(target, parent)) {
				weaknesses.add("consistency.weakerRange");
			}
			return weaknesses;
		}
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

	/**
	 * A range, or a level against a range, is weaker when either bound is less ambitious: a lower
	 * floor or a lower ceiling (higher ones, when lower is better). A level has both bounds at its value,
	 * except an open one (≥ 2 has no ceiling).
	 */
	private static boolean weakerRange(TargetRow target, TargetRow parent) {
		if (target.comparator().isChange() || parent.comparator().isChange()) {
			return false;
		}
		boolean higher = target.direction() == Direction.HIGHER;
		java.math.BigDecimal floor = target.value();
		java.math.BigDecimal parentFloor = parent.value();
		java.math.BigDecimal ceiling = upper(target);
		java.math.BigDecimal parentCeiling = upper(parent);
		if (higher) {
			return floor.compareTo(parentFloor) < 0
					|| (parentCeiling != null && ceiling != null && ceiling.compareTo(parentCeiling) < 0);
		}
		java.math.BigDecimal top = ceiling == null ? floor : ceiling;
		java.math.BigDecimal parentTop = parentCeiling == null ? parentFloor : parentCeiling;
		return top.compareTo(parentTop) > 0 || floor.compareTo(parentFloor) > 0;
	}

	private static java.math.BigDecimal upper(TargetRow row) {
		return switch (row.comparator()) {
			case RANGE -> row.valueMax();
			case EQ, ABOUT, LE, LT -> row.value();
			default -> null;
		};
	}

	/**
	 * The parent targets a document leaves out: the parent documents' targets for the parents' own
	 * regions, or cascaded to the document's region, whose indicator the document sets no target for.
	 * One per indicator (the one for the document's region, if any), in the parents' order.
	 */
	static List<TargetRow> omitted(List<TargetRow> targets, List<TargetRow> parentTargets, String regionCode) {
		java.util.Set<Long> taken = new java.util.HashSet<>();
		targets.forEach(target -> taken.add(target.indicatorId()));
		java.util.Map<Long, TargetRow> omitted = new java.util.LinkedHashMap<>();
		for (TargetRow parent : parentTargets) {
			boolean ours = parent.regionCode().equals(regionCode);
			if (taken.contains(parent.indicatorId()) || !(ours || parent.parentTargetId() == null)) {
				continue;
			}
			TargetRow earlier = omitted.get(parent.indicatorId());
			if (earlier == null || (ours && !earlier.regionCode().equals(regionCode))) {
				omitted.put(parent.indicatorId(), parent);
			}
		}
		return List.copyOf(omitted.values());
	}

}
