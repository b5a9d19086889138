package cn.qualityportal.reporting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ReportingPeriodRepository extends Repository<ReportingPeriod, Long> {

	Optional<ReportingPeriod> findById(Long id);

	Optional<ReportingPeriod> findByYearAndKindAndNumber(int year, PeriodKind kind, int number);

	List<ReportingPeriod> findAllByOrderByYearDescKindAscNumberAsc();

	ReportingPeriod save(ReportingPeriod period);

}
