package cn.qualityportal.targets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ExtractionCandidateRepository extends Repository<ExtractionCandidate, Long> {

	Optional<ExtractionCandidate> findById(Long id);

	List<ExtractionCandidate> findByDocumentIdOrderByQuoteStartAscIdAsc(long documentId);

	ExtractionCandidate save(ExtractionCandidate candidate);

}
