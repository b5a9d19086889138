package cn.qualityportal.reporting;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface IndicatorValueRepository extends Repository<IndicatorValue, Long> {

	Optional<IndicatorValue> findById(Long id);

	Optional<IndicatorValue> findByIndicatorIdAndRegionCodeAndPeriodId(long indicatorId, String regionCode, long periodId);

	IndicatorValue save(IndicatorValue value);

}
