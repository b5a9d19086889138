package cn.qualityportal.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RegionRepository extends Repository<Region, String> {

	@Query("select r from Region r left join fetch r.parent where r.code = :code")
	Optional<Region> findById(String code);

	boolean existsById(String code);

	@Query("""
			select r from Region r left join fetch r.parent
			where (:query = '' or r.code like concat(:query, '%') or r.name like concat('%', :query, '%'))
			order by r.code""")
	Page<Region> search(String query, Pageable pageable);

	@Query("select r from Region r where r.active = true order by r.code")
	List<Region> findActive();

	List<Region> findAllByOrderByCode();

	Region save(Region region);

}
