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
 * else the figures of the regions directly below it combined (each of those own or combined in
 * turn). Counts and amounts are summed; rates are Σ numerator ÷ Σ denominator when every
 * contributing region gave both, else the plain mean, labelled as such. Indicators that do not
 * aggregate are never combined.
 */
final class RollUp {

	record Reported(String regionCode, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			boolean provisional) {
	}

	private record Combined(Figure figure, BigDecimal numerator, BigDecimal denominator) {
	}

	private final Map<String, List<String>> children;

	private final Aggregation aggregation;

	private final ValueType type;

	private final Map<String, Map<Integer, Reported>> own = new HashMap<>();

	private final TreeSet<Integer> years = new TreeSet<>();

	private final Map<String, Map<Integer, Combined>> memo = new HashMap<>();

	RollUp(Map<String, List<String>> children, Aggregation aggregation, ValueType type, List<Reported> reported) {
		this.children = children;
		this.aggregation = aggregation;
		this.type = type;
		for (Reported figure : reported) {
			own.computeIfAbsent(figure.regionCode(), code -> new HashMap<>()).put(figure.year(), figure);
			years.add(figure.year());
		}
	}

	/** The region's figures, oldest first, for the years any region reported. */
	List<Figure> series(String regionCode) {
		List<Figure> series = new ArrayList<>();
		for (int year : years) {
			Combined combined = figure(regionCode, year);
			if (combined != null) {
				series.add(combined.figure());
			}
		}
		return series;
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
					reported.denominator());
		}
		List<String> below = children.getOrDefault(regionCode, List.of());
		if (aggregation == Aggregation.NONE || below.isEmpty()) {
			return null;
		}
		List<Combined> parts = below.stream().map(child -> figure(child, year)).filter(part -> part != null).toList();
		if (parts.isEmpty()) {
			return null;
		}
		boolean provisional = parts.stream().anyMatch(part -> part.figure().provisional());
		if (aggregation == Aggregation.SUM) {
			BigDecimal sum = parts.stream().map(part -> part.figure().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
			return new Combined(new Figure(year, sum, provisional, Figure.Source.SUM, parts.size(), below.size()), null,
					null);
		}
		boolean weighted = parts.stream().allMatch(part -> part.numerator() != null && part.denominator() != null);
		if (weighted) {
			BigDecimal numerator = parts.stream().map(Combined::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal denominator = parts.stream().map(Combined::denominator).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (denominator.signum() > 0) {
				BigDecimal scale = BigDecimal.valueOf(type == ValueType.PER_MILLE ? 1000 : 100);
				BigDecimal rate = numerator.multiply(scale).divide(denominator, MathContext.DECIMAL64);
				return new Combined(new Figure(year, rate, provisional, Figure.Source.WEIGHTED, parts.size(), below.size()),
						numerator, denominator);
			}
		}
		BigDecimal mean = parts.stream()
			.map(part -> part.figure().value())
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(parts.size()), MathContext.DECIMAL64);
		return new Combined(new Figure(year, mean, provisional, Figure.Source.MEAN, parts.size(), below.size()), null,
				null);
	}

}
