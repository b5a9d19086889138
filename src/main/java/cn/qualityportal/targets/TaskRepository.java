package cn.qualityportal.targets;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface TaskRepository extends Repository<Task, Long> {

	Optional<Task> findById(Long id);

	Task save(Task task);

}
