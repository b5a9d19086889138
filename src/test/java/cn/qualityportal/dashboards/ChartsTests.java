package cn.qualityportal.dashboards;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.progress.TargetStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts read at a glance: no label on an empty slice, bars measured from zero, the target line's label whole. */
class ChartsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anEmptyStatusHasNoLabelInTheRingButStaysInTheLegend() {
		Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
		Map<TargetStatus, String> names = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			counts.put(status, status == TargetStatus.OFF_TRACK ? 0 : 3);
			names.put(status, status.name());
		}
		JsonNode data = json.readTree(Charts.statusRing(counts, names)).get("series").get(0).get("data");

		assertThat(data).hasSize(TargetStatus.values().length);
		for (JsonNode slice : data) {
			boolean empty = slice.get("value").asInt() == 0;
			assertThat(slice.has("label") && !slice.get("label").get("show").asBoolean())
				.as(slice.get("name").asString()).isEqualTo(empty);
		}
	}

	/**
	 * First-use check: while a year was computed for the first time every count was 0 and ECharts drew
	 * six equal slices; on a phone the "status: count" labels ran into the legend and were cut.
	 */
	@Test
	void noTargetsDrawNoRingAndSlicesAreLabelledWithTheirCountOnly() {
		Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
		Map<TargetStatus, String> names = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			counts.put(status, 0);
			names.put(status, status.name());
		}
		JsonNode series = json.readTree(Charts.statusRing(counts, names)).get("series").get(0);

		assertThat(series.get("stillShowZeroSum").asBoolean()).isFalse();
		assertThat(series.get("label").get("formatter").asString()).isEqualTo("{c}");
	}

	@Test
	void comparedBarsStartAtZeroAndTheTargetLabelStaysInside() {
		JsonNode options = json.readTree(Charts.bars(List.of("港口区", "东兴市"),
				List.of(new BigDecimal("96.5"), new BigDecimal("97.1")), "合格率", new BigDecimal("95"), "≥95%"));

		JsonNode axis = options.get("yAxis");
		assertThat(axis.has("scale") && axis.get("scale").asBoolean()).as("an axis fitted to the data exaggerates gaps").isFalse();
		assertThat(axis.has("min")).isFalse();
		JsonNode label = options.get("series").get(0).get("markLine").get("label");
		assertThat(label.get("formatter").asString()).isEqualTo("≥95%");
		assertThat(label.get("position").asString()).isEqualTo("insideEndTop");
	}

}
