package cn.qualityportal.system;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Helpers for files users upload and download again: names arrive as the browser chose them. */
public final class UploadedFiles {

	private static final Tika TIKA = new Tika();

	/**
	 * The rules for evidence files wherever they are attached (a figure's, a self-assessment's):
	 * allowed extensions and the type the content must have for each, at most 10 MB each and 10
	 * per item.
	 */
	public static final Map<String, String> EVIDENCE_TYPES = Map.of(
			"pdf", "application/pdf",
			"jpg", "image/jpeg",
			"jpeg", "image/jpeg",
			"png", "image/png",
			"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	public static final int EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

	public static final int EVIDENCE_MAX_FILES = 10;

	private UploadedFiles() {
	}

	/**
	 * The content type of an upload when its extension is one of {@code allowed} (extension → type)
	 * and its bytes are of that type, judged by tika-core from the bytes; empty otherwise (an
	 * executable renamed to .pdf, say). For Office formats Tika checks the zip container only.
	 */
	public static Optional<String> contentType(String filename, byte[] bytes, Map<String, String> allowed) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		String expected = allowed.get(name.substring(name.lastIndexOf('.') + 1));
		if (expected == null || bytes.length == 0) {
			return Optional.empty();
		}
		return expected.equals(TIKA.detect(bytes, name)) ? Optional.of(expected) : Optional.empty();
	}

	/** Only the last path segment, without control characters or quotes, at most 200 characters. */
	public static String safeName(String original, String fallback) {
		String name = original == null ? fallback : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		return name.isEmpty() ? fallback : name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	/** A download the browser saves rather than renders, under its (UTF-8) original name. */
	public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(contentType))
			.body(content);
	}

}
