package cn.qualityportal.targets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface IndicatorRepository extends Repository<Indicator, Long> {

	Optional<Indicator> findById(Long id);

	Optional<Indicator> findByCode(String code);

	boolean existsByCode(String code);

	@Query("""
			select i from Indicator i
			where (:query = '' or i.code like concat('%', :query, '%') or i.name like concat('%', :query, '%'))
			  and (:category is null or i.category = :category)
			order by i.code""")
	Page<Indicator> search(String query, GoalArea category, Pageable pageable);

	@Query("select i from Indicator i where i.active = true order by i.category, i.name")
	List<Indicator> findActive();

	Indicator save(Indicator indicator);

}
