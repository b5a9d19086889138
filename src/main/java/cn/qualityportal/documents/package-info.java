/**
 * Policy documents (政策文件): metadata, full text, the original file and lineage (the documents
 * each implements or cites). Other modules read them through {@link cn.qualityportal.documents.Documents}
 * and add sections to the document page through {@link cn.qualityportal.documents.DocumentPageSection}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = { "organisation", "audit", "system" })
@cn.qualityportal.DatabaseObjects(owns = { "policy_document", "policy_document_file", "policy_document_parent" },
		publishes = { "document_directory" })
package cn.qualityportal.documents;
