package cn.qualityportal.extraction;

import java.io.IOException;
import java.io.InputStream;

import cn.qualityportal.system.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/extraction}: the document text as {@code text/plain}, or a file as
 * {@code multipart/form-data}, answered with the proposed metadata, targets and direction-only
 * statements. Nothing is stored. Bodies are read up to a bound, so a huge upload costs nothing.
 */
@RestController
@RequestMapping("/api/v1/extraction")
@PreAuthorize("hasRole('OFFICE')")
class ExtractionController {

	private final TargetExtractor extractor;

	ExtractionController(TargetExtractor extractor) {
		this.extractor = extractor;
	}

	@PostMapping(consumes = { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The document's plain text; its encoding is recognised (UTF-8, GB 18030 …).",
			content = { @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"),
					examples = @io.swagger.v3.oas.annotations.media.ExampleObject("到2020年，制造业产品质量合格率稳定在93%以上。")),
					@io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")) })
	Extraction fromText(HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return extractor.extract(DocumentText.fromText(body.readNBytes(DocumentText.MAX_TEXT_BYTES + 1)));
		}
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Extraction fromFile(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.getSize() > DocumentText.MAX_FILE_BYTES) {
			throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "extraction.tooLarge");
		}
		return extractor.extract(DocumentText.fromFile(file.getOriginalFilename(), file.getBytes()));
	}

}
