package cn.qualityportal.organisation;

import java.util.Optional;

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

	UserAccount save(UserAccount account);

}
