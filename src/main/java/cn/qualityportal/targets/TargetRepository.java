package cn.qualityportal.targets;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TargetRepository extends Repository<Target, Long> {

	@EntityGraph(attributePaths = { "indicator", "milestones", "cooperatingDepartmentIds" })
	Optional<Target> findById(Long id);

	boolean existsByIndicatorIdAndRegionCodeAndDocumentIdAndDeadlineYear(Long indicatorId, String regionCode,
			long documentId, int deadlineYear);

	@Query("""
			select count(t) > 0 from Target t
			where t.indicator.id = :indicatorId and t.regionCode = :regionCode and t.documentId = :documentId
			  and t.deadlineYear = :deadlineYear and t.id <> :id""")
	boolean existsOther(Long indicatorId, String regionCode, long documentId, int deadlineYear, Long id);

	Target save(Target target);

}
