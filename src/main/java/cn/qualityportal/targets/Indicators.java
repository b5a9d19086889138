package cn.qualityportal.targets;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicator catalogue as later modules (reporting, progress) read it. */
@Service
public class Indicators {

	private final IndicatorRepository indicators;

	Indicators(IndicatorRepository indicators) {
		this.indicators = indicators;
	}

	@Transactional(readOnly = true)
	public Optional<IndicatorInfo> byCode(String code) {
		return code == null ? Optional.empty() : indicators.findByCode(code.strip()).map(Indicators::info);
	}

	@Transactional(readOnly = true)
	public Optional<IndicatorInfo> byId(long id) {
		return indicators.findById(id).map(Indicators::info);
	}

	private static IndicatorInfo info(Indicator indicator) {
		return new IndicatorInfo(indicator.getId(), indicator.getCode(), indicator.getName(), indicator.getUnit(),
				indicator.getValueType(), indicator.getDirection(), indicator.getAggregation(),
				indicator.getReportingFrequency(), indicator.getDecimals());
	}

	public record IndicatorInfo(long id, String code, String name, String unit, ValueType valueType, Direction direction,
			Aggregation aggregation, ReportingFrequency reportingFrequency, Integer decimals) {

		/** Decimals its figures are shown with: the declared ones, else its value type's default. */
		public int precision() {
			return decimals != null ? decimals : valueType.defaultDecimals();
		}

		/** A rate reported as numerator and denominator. */
		public boolean isRatio() {
			return valueType == ValueType.RATE || valueType == ValueType.PER_MILLE;
		}

	}

}
