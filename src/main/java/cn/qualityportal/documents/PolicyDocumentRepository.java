package cn.qualityportal.documents;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface PolicyDocumentRepository extends Repository<PolicyDocument, Long> {

	Optional<PolicyDocument> findById(Long id);

	boolean existsByIssuerAndDocNumber(String issuer, String docNumber);

	boolean existsByIssuerAndDocNumberAndIdNot(String issuer, String docNumber, Long id);

	PolicyDocument save(PolicyDocument document);

}
