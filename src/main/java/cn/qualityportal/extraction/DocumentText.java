package cn.qualityportal.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import cn.qualityportal.spreadsheets.TextDecoding;
import cn.qualityportal.system.Refusal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.http.HttpStatus;

/**
 * The text of a submitted document: plain text (UTF-8 or GB18030), .docx (Apache POI, which
 * refuses zip bombs by their inflation ratio) or a .pdf with a text layer (PDFBox). Whatever
 * cannot be read answers a 4xx with a reason; nothing of it is stored.
 */
public final class DocumentText {

	/** Policy documents are tens of thousands of characters; a megabyte of text is something else. */
	public static final int MAX_TEXT_BYTES = 1024 * 1024;

	public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	static {
		// Refuse entries that inflate more than 100 times (POI's default is 100 too; stated for clarity).
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
	}

	private DocumentText() {
	}

	public static String fromText(byte[] bytes) {
		if (bytes.length > MAX_TEXT_BYTES) {
			throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "extraction.tooLarge");
		}
		if (TextDecoding.looksBinary(bytes)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "extraction.notText");
		}
		return usable(TextDecoding.decode(bytes).replace("\uFEFF", ""));
	}

	public static String fromFile(String filename, byte[] bytes) {
		if (bytes.length > MAX_FILE_BYTES) {
			throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "extraction.tooLarge");
		}
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".txt")) {
			return fromText(bytes);
		}
		if (name.endsWith(".docx")) {
			return usable(docx(bytes));
		}
		if (name.endsWith(".pdf")) {
			return usable(pdf(bytes));
		}
		throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "extraction.fileType");
	}

	/** The message key of a refusal, for pages that report it; anything unforeseen reads as text it could not read. */
	public static String messageKeyOf(RuntimeException refusal) {
		return refusal instanceof Refusal refused ? refused.messageKey() : "extraction.notText";
	}

	public static String contentTypeOf(String filename) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		return name.endsWith(".pdf") ? "application/pdf"
				: name.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
						: "text/plain";
	}

	private static String docx(byte[] bytes) {
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			throw new Refusal(HttpStatus.BAD_REQUEST, "extraction.notDocx");
		}
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText();
		}
		catch (IOException | RuntimeException ex) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "extraction.notDocx");
		}
	}

	private static String pdf(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			if (document.isEncrypted()) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "extraction.pdfEncrypted");
			}
			return new PDFTextStripper().getText(document);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Refusal refused) {
				throw refused;
			}
			throw new Refusal(HttpStatus.BAD_REQUEST, "extraction.notPdf");
		}
	}

	private static String usable(String text) {
		if (text == null || text.isBlank()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "extraction.empty");
		}
		if (text.length() > MAX_TEXT_BYTES) {
			throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "extraction.tooLarge");
		}
		return text;
	}

}
