/**
 * Policy documents (政策文件): metadata, full text, the original file and lineage (the documents
 * each implements or cites). Other modules read them through {@link cn.qualityportal.documents.Documents}
 * and add sections to the document page through {@link cn.qualityportal.documents.DocumentPageSection}.
 *
 * <p>Owns: {@code policy_document}, {@code policy_document_file}, {@code policy_document_parent}.
 * <p>Publishes: {@code document_directory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = { "organisation", "audit", "system", "spreadsheets" })
package cn.qualityportal.documents;
