package cn.qualityportal.targets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface GoalRepository extends Repository<Goal, Long> {

	Optional<Goal> findById(Long id);

	List<Goal> findByDocumentIdOrderByPositionAscIdAsc(long documentId);

	Goal save(Goal goal);

}
