package cn.qualityportal.organisation;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserAccountRepository extends Repository<UserAccount, Long> {

	@Query("""
			select a from UserAccount a
			left join fetch a.department d
			left join fetch d.region
			where a.username = :username""")
	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query("""
			select a from UserAccount a
			left join fetch a.department d
			left join fetch d.region
			where a.id = :id""")
	Optional<UserAccount> findById(Long id);

	@Query(value = """
			select a from UserAccount a left join fetch a.department d left join fetch d.region r
			where (:query = '' or a.username like concat('%', :query, '%') or a.displayName like concat('%', :query, '%'))
			  and (:regionCode = '' or r.code = :regionCode)
			order by a.username""", countQuery = """
			select count(a) from UserAccount a left join a.department d left join d.region r
			where (:query = '' or a.username like concat('%', :query, '%') or a.displayName like concat('%', :query, '%'))
			  and (:regionCode = '' or r.code = :regionCode)""")
	Page<UserAccount> search(String query, String regionCode, Pageable pageable);

	UserAccount save(UserAccount account);

}
