package cn.qualityportal.documents;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.qualityportal.spreadsheets.TextDecoding;
import cn.qualityportal.system.UploadedFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The original file of a document (txt, docx or pdf), kept in PostgreSQL. The type is decided by
 * the content (tika-core, or decoding for text), not the name or the browser's claim, and must
 * agree with the file's extension.
 */
@Component
class DocumentFiles {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final Map<String, String> BINARY_TYPES = Map.of("pdf", "application/pdf", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final JdbcClient jdbc;

	DocumentFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredFile(String filename, String contentType, byte[] content) {
	}

	record FileInfo(String filename, String contentType, int sizeBytes) {
	}

	/** The content type for these bytes under this name, or empty when they do not agree or are not allowed. */
	static Optional<String> contentType(String filename, byte[] bytes) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".txt")) {
			// Tika calls almost any bytes text; what matters is that they decode as (GBK or UTF-8) text.
			return bytes.length > 0 && decodeText(bytes).isPresent() ? Optional.of("text/plain") : Optional.empty();
		}
		return UploadedFiles.contentType(filename, bytes, BINARY_TYPES);
	}

	/** Text of a .txt upload; empty for binary content. */
	static Optional<String> decodeText(byte[] bytes) {
		return TextDecoding.looksBinary(bytes) ? Optional.empty()
				: Optional.of(TextDecoding.decode(bytes).replace("\uFEFF", ""));
	}

	void store(long documentId, String filename, String contentType, byte[] content, String uploadedBy) {
		jdbc.sql("""
				insert into policy_document_file (document_id, filename, content_type, size_bytes, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (document_id) do update set filename = excluded.filename, content_type = excluded.content_type,
				  size_bytes = excluded.size_bytes, content = excluded.content, uploaded_at = now(), uploaded_by = excluded.uploaded_by""")
			.params(documentId, filename, contentType, content.length, content, uploadedBy)
			.update();
	}

	Optional<FileInfo> info(long documentId) {
		return jdbc.sql("select filename, content_type, size_bytes from policy_document_file where document_id = ?")
			.param(documentId)
			.query((rs, row) -> new FileInfo(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	Optional<StoredFile> load(long documentId) {
		return jdbc.sql("select filename, content_type, content from policy_document_file where document_id = ?")
			.param(documentId)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

}
