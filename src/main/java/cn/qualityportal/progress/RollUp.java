package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.qualityportal.targets.Aggregation;
import cn.qualityportal.targets.ValueType;

/**
 * One indicator's yearly figures in every region: the region's own figure when it reported one,
 * else the figures of the regions directly below it that were active that year, combined (each of
 * those own or combined in turn). Counts and amounts are summed; rates are Σ numerator ÷ Σ
 * denominator when every contributing region gave both, else the plain mean, labelled as such.
 * Indicators that do not aggregate are never combined. A year in which not every active region
 * below reported is partial: it is never part of the series a status or forecast rests on (a
 * sum of one district of four is not the city's figure), only named as "x / y reported".
 */
final class RollUp {

	record Reported(String regionCode, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			boolean provisional) {
	}

	/**
	 * A region directly below another, and the last year up to the judged one in which it is active
	 * by organisation's {@code region_active_in} (null: in none), the rule the obligation view uses.
	 */
	record Child(String code, Integer activeThrough) {

		boolean activeIn(int year) {
			return activeThrough != null && year <= activeThrough;
		}

	}

	/** A year that is not complete: {@code reported} of the {@code expected} active regions below reported. */
	record Partial(int year, int reported, int expected) {
	}

	private record Combined(Figure figure, BigDecimal numerator, BigDecimal denominator, Partial partial) {

		boolean complete() {
			return partial == null;
		}

	}

	private final Map<String, List<Child>> children;

	private final Aggregation aggregation;

	private final ValueType type;

	private final Map<String, Map<Integer, Reported>> own = new HashMap<>();

	private final TreeSet<Integer> years = new TreeSet<>();

	private final Map<String, Map<Integer, Combined>> memo = new HashMap<>();

	RollUp(Map<String, List<Child>> children, Aggregation aggregation, ValueType type, List<Reported> reported) {
		this.children = children;
		this.aggregation = aggregation;
		this.type = type;
		for (Reported figure : reported) {
			own.computeIfAbsent(figure.regionCode(), code -> new HashMap<>()).put(figure.year(), figure);
			years.add(figure.year());
		}
	}

	/** The region's complete figures, oldest first, for the years any region reported. */
	List<Figure> series(String regionCode) {
		List<Figure> series = new ArrayList<>();
		for (int year : years) {
			Combined combined = figure(regionCode, year);
			if (combined != null && combined.complete()) {
				series.add(combined.figure());
			}
		}
		return series;
	}

	/** The latest year after {@code after} in which only some of the regions below reported, if any. */
	Partial latestPartial(String regionCode, Integer after) {
		Partial latest = null;
		for (int year : years) {
			Combined combined = figure(regionCode, year);
			if (combined != null && !combined.complete() && (after == null || year > after)) {
				latest = combined.partial();
			}
		}
		return latest;
	}

	private Combined figure(String regionCode, int year) {
		Map<Integer, Combined> byYear = memo.computeIfAbsent(regionCode, code -> new HashMap<>());
		if (byYear.containsKey(year)) {
			return byYear.get(year);
		}
		Combined combined = compute(regionCode, year);
		byYear.put(year, combined);
		return combined;
	}

	private Combined compute(String regionCode, int year) {
		Reported reported = own.getOrDefault(regionCode, Map.of()).get(year);
		if (reported != null && reported.value() != null) {
			return new Combined(Figure.own(year, reported.value(), reported.provisional()), reported.numerator(),
					reported.denominator(), null);
		}
		List<String> below = children.getOrDefault(regionCode, List.of())
			.stream()
			.filter(child -> child.activeIn(year))
			.map(Child::code)
			.toList();
		if (aggregation == Aggregation.NONE || below.isEmpty()) {
			return null;
		}
		// A region below whose own figure is itself partial has not reported in full either.
		List<Combined> parts = below.stream()
			.map(child -> figure(child, year))
			.filter(part -> part != null && part.complete())
			.toList();
		if (parts.isEmpty()) {
			return null;
		}
		Partial partial = parts.size() < below.size() ? new Partial(year, parts.size(), below.size()) : null;
		boolean provisional = parts.stream().anyMatch(part -> part.figure().provisional());
		if (aggregation == Aggregation.SUM) {
			BigDecimal sum = parts.stream().map(part -> part.figure().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
			return new Combined(new Figure(year, sum, provisional, Figure.Source.SUM, parts.size(), below.size()), null,
					null, partial);
		}
		boolean weighted = parts.stream().allMatch(part -> part.numerator() != null && part.denominator() != null);
		if (weighted) {
			BigDecimal numerator = parts.stream().map(Combined::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal denominator = parts.stream().map(Combined::denominator).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (denominator.signum() > 0) {
				BigDecimal scale = BigDecimal.valueOf(type == ValueType.PER_MILLE ? 1000 : 100);
				BigDecimal rate = numerator.multiply(scale).divide(denominator, MathContext.DECIMAL64);
				return new Combined(new Figure(year, rate, provisional, Figure.Source.WEIGHTED, parts.size(), below.size()),
						numerator, denominator, partial);
			}
		}
		BigDecimal mean = parts.stream()
			.map(part -> part.figure().value())
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(parts.size()), MathContext.DECIMAL64);
		return new Combined(new Figure(year, mean, provisional, Figure.Source.MEAN, parts.size(), below.size()), null,
				null, partial);
	}

}
