package cn.qualityportal.system;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Helpers for files users upload and download again: names arrive as the browser chose them. */
public final class UploadedFiles {

	private UploadedFiles() {
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
