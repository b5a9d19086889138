package cn.qualityportal.system;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
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
		return attachment(filename, null, contentType, content);
	}

	/**
	 * A download saved under {@code filename} (Chinese, say) by every current browser, and under
	 * {@code asciiFallback} by a client that reads only the plain parameter (null: the name with
	 * every character outside ASCII replaced).
	 */
	public static ResponseEntity<byte[]> attachment(String filename, String asciiFallback, String contentType,
			byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename, asciiFallback))
			.contentType(MediaType.parseMediaType(contentType))
			.body(content);
	}

	/**
	 * {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>} (RFC 6266 with
	 * RFC 5987's encoding): Spring's {@code ContentDisposition} writes only one of the two.
	 */
	public static String disposition(String filename, String asciiFallback) {
		// A generated name may hold a "/" (an indicator's name): replaced, never a path.
		String safe = filename == null || filename.isBlank() ? "download"
				: filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
		safe = safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
		String fallback = asciiFallback != null ? asciiFallback : safe;
		fallback = fallback.replaceAll("[^\\x20-\\x7E]", "_").replaceAll("[\"\\\\;]", "_");
		StringBuilder encoded = new StringBuilder();
		for (byte b : safe.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

}
