package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import cn.qualityportal.targets.ValueType;

/**
 * The status rules of docs/progress.md, as one pure function of a target's terms, its yearly
 * figures, the milestone of the year and the year judged. Keep the two in step: the document's
 * worked examples are tests in ProgressRulesTests.
 */
public final class ProgressRules {

	/** How many of the latest reported years the trend is drawn from (近三年趋势). */
	static final int TREND_YEARS = 3;

	/** Anticipated progress below this is off track; at or above, needs acceleration. */
	static final double ACCELERATION_RATIO = 0.5;

	private ProgressRules() {
	}

	public static Progress evaluate(Terms terms, List<Figure> figures, BigDecimal milestone, int year) {
		List<Figure> known = figures.stream()
			.filter(figure -> figure.year() <= year && figure.value() != null)
			.sorted(Comparator.comparingInt(Figure::year))
			.toList();
		if (known.isEmpty()) {
			return new Progress(TargetStatus.NO_DATA, null, null, false, null, milestone, null, null, null,
					Explanation.of("progress.explain.NO_DATA", String.valueOf(year)));
		}
		Measure measure = new Measure(terms, known);
		Figure latest = known.get(known.size() - 1);
		double latestMeasure = measure.of(latest.value().doubleValue());
		Boolean milestoneMet = milestone == null || latest.year() != year ? null
				: terms.meetsMilestone(latestMeasure, milestone.doubleValue());
		boolean provisional = known.stream().anyMatch(Figure::provisional);

		TargetStatus status;
		Double forecast = null;
		Double ratio = null;
		int trendYears = 0;
		String template;
		if (terms.meets(latestMeasure)) {
			status = TargetStatus.ACHIEVED;
			template = status.name();
		}
		else if (year > terms.deadlineYear() || latest.year() >= terms.deadlineYear()) {
			status = TargetStatus.OVERDUE;
			template = status.name();
		}
		else {
			List<Figure> trend = known.subList(Math.max(0, known.size() - TREND_YEARS), known.size());
			trendYears = trend.size();
			if (trend.size() < 2) {
				status = TargetStatus.NEEDS_ACCELERATION;
				template = "SINGLE_POINT";
			}
			else {
				forecast = whole(terms.valueType(), clamp(terms.valueType(), project(trend, terms.deadlineYear())));
				double forecastMeasure = measure.of(forecast);
				ratio = measure.ratio(forecastMeasure);
				status = terms.meets(forecastMeasure) ? TargetStatus.ON_TRACK
						: ratio != null && ratio >= ACCELERATION_RATIO ? TargetStatus.NEEDS_ACCELERATION : TargetStatus.OFF_TRACK;
				template = status.name();
			}
			if (status == TargetStatus.ON_TRACK && Boolean.FALSE.equals(milestoneMet)) {
				status = TargetStatus.NEEDS_ACCELERATION;
				template = "MILESTONE_MISSED";
			}
		}

		String unit = terms.unit();
		Object milestoneNote = milestoneMet == null ? ""
				: Explanation.of(milestoneMet ? "progress.note.milestoneMet" : "progress.note.milestoneMissed",
						String.valueOf(year), Numbers.figure(milestone, terms.precision()) + unit);
		Object provisionalNote = provisional ? Explanation.of("progress.note.provisional") : "";
		Object rollupNote = latest.source() == null || latest.source() == Figure.Source.OWN ? ""
				: Explanation.of("progress.note.rollup." + latest.source().name(), String.valueOf(latest.reporting()),
						String.valueOf(latest.children()));
		Explanation explanation = Explanation.of("progress.explain." + template, String.valueOf(latest.year()),
				Explanation.of(measure.label()), Numbers.figure(latestMeasure, terms.precision()) + unit, terms.condition(),
				String.valueOf(trendYears), String.valueOf(terms.deadlineYear()),
				forecast == null ? "" : Numbers.figure(measure.of(forecast), terms.precision()) + unit,
				ratio == null ? Explanation.of("progress.ratio.none")
						: ratio < 0 ? Explanation.of("progress.ratio.away") : Numbers.percent(ratio), milestoneNote,
				provisionalNote, rollupNote);
		return new Progress(status, latest.year(), latest.value(), provisional, latest.source(), milestone, milestoneMet,
				Numbers.decimal(forecast), Numbers.decimal(ratio), explanation);
	}

	/**
	 * The figure in the deadline year: the compound growth rate of the trend when every figure is
	 * positive, else the least-squares line through it.
	 */
	static double project(List<Figure> trend, int deadlineYear) {
		Figure first = trend.get(0);
		Figure last = trend.get(trend.size() - 1);
		boolean positive = trend.stream().allMatch(figure -> figure.value().signum() > 0);
		if (positive) {
			double years = last.year() - first.year();
			double growth = Math.pow(last.value().doubleValue() / first.value().doubleValue(), 1 / years);
			return last.value().doubleValue() * Math.pow(growth, deadlineYear - last.year());
		}
		double n = trend.size();
		double meanX = trend.stream().mapToDouble(Figure::year).sum() / n;
		double meanY = trend.stream().mapToDouble(figure -> figure.value().doubleValue()).sum() / n;
		double covariance = 0;
		double variance = 0;
		for (Figure figure : trend) {
			covariance += (figure.year() - meanX) * (figure.value().doubleValue() - meanY);
			variance += (figure.year() - meanX) * (figure.year() - meanX);
		}
		double slope = covariance / variance;
		return meanY + slope * (deadlineYear - meanX);
	}

	/**
	 * A forecast of a count is a whole number (5.5 家 cannot happen): rounded half up before it is
	 * judged, so the status follows the number shown.
	 */
	static double whole(ValueType type, double value) {
		return type == ValueType.COUNT || type == ValueType.YES_NO ? Math.round(value) : value;
	}

	/** Forecasts stay within what the indicator can take: rates 0–100, counts not below zero. */
	static double clamp(ValueType type, double value) {
		return switch (type) {
			case RATE -> Math.max(0, Math.min(100, value));
			case PER_MILLE -> Math.max(0, Math.min(1000, value));
			case YES_NO -> Math.max(0, Math.min(1, value));
			case COUNT -> Math.max(0, value);
			case AMOUNT, INDEX -> value;
		};
	}

	/**
	 * The quantity compared with the target: the figure itself for level targets, the gain for
	 * increments (新增) and increase/decrease-by targets, counted from the base.
	 */
	private record Measure(Terms terms, double base, double start) {

		Measure(Terms terms, List<Figure> known) {
			this(terms, base(terms, known), terms.measuresChange() ? 0 : levelStart(terms, known));
		}

		private static double base(Terms terms, List<Figure> known) {
			if (terms.baselineValue() != null) {
				return terms.baselineValue().doubleValue();
			}
			BigDecimal ofBaselineYear = known.stream()
				.filter(figure -> terms.baselineYear() != null && figure.year() == terms.baselineYear())
				.map(Figure::value)
				.findFirst()
				.orElse(null);
			if (ofBaselineYear != null) {
				return ofBaselineYear.doubleValue();
			}
			// An increment (新增 …) without a baseline is reported as the count since the baseline year.
			return terms.increment() ? 0 : known.get(0).value().doubleValue();
		}

		private static double levelStart(Terms terms, List<Figure> known) {
			return base(terms, known);
		}

		double of(double figure) {
			return switch (terms.comparator()) {
				case DECREASE_BY -> base - figure;
				case INCREASE_BY -> figure - base;
				default -> terms.increment() ? figure - base : figure;
			};
		}

		/** Anticipated progress: (forecast − start) ÷ (threshold − start); null when the start is already past it. */
		Double ratio(double forecastMeasure) {
			double required = terms.threshold() - start;
			if (terms.upward() ? required <= 0 : required >= 0) {
				return null;
			}
			return (forecastMeasure - start) / required;
		}

		String label() {
			return switch (terms.comparator()) {
				case INCREASE_BY -> "progress.measure.increase";
				case DECREASE_BY -> "progress.measure.decrease";
				default -> terms.increment() ? "progress.measure.increment" : "progress.measure.level";
			};
		}

	}

}
