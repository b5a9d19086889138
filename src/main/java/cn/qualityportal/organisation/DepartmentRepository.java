package cn.qualityportal.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DepartmentRepository extends Repository<Department, Long> {

	@Query("select d from Department d join fetch d.region where d.id = :id")
	Optional<Department> findById(Long id);

	@Query(value = """
			select d from Department d join fetch d.region r
			where (:regionCode = '' or r.code = :regionCode)
			  and (:query = '' or d.name like concat('%', :query, '%') or d.shortName like concat('%', :query, '%'))
			order by r.code, d.name""", countQuery = """
			select count(d) from Department d join d.region r
			where (:regionCode = '' or r.code = :regionCode)
			  and (:query = '' or d.name like concat('%', :query, '%') or d.shortName like concat('%', :query, '%'))""")
	Page<Department> search(String regionCode, String query, Pageable pageable);

	@Query("select d from Department d join fetch d.region r where d.active = true order by r.code, d.name")
	List<Department> findActive();

	boolean existsByRegionCodeAndName(String regionCode, String name);

	Department save(Department department);

}
