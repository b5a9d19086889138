package cn.qualityportal.reporting;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.reporting.ValueWorkflow.Actor;
import cn.qualityportal.system.ListTotals;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reported figures over JSON: read within the caller's scope, saved as drafts (a stale
 * {@code version} answers 409), submitted, approved or returned with a reason, and their history.
 */
@RestController
@RequestMapping("/api/v1/values")
class ValueApiController {

	private final ValueWorkflow workflow;

	private final ValueSearch search;

	private final ValueEvidence evidence;

	ValueApiController(ValueWorkflow workflow, ValueSearch search, ValueEvidence evidence) {
		this.workflow = workflow;
		this.search = search;
		this.evidence = evidence;
	}

	/**
	 * Figures within the caller's scope, a page at a time ({@code size} at most 5000) in a stable order;
	 * a page shorter than {@code size} is the last. {@code X-Total-Count} tells how many there are in all.
	 */
	@GetMapping
	ResponseEntity<List<ValueView>> list(@RequestParam(defaultValue = "") String regionCode, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "") String indicatorCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "1000") int size, DataScope scope) {
		if (!regionCode.isBlank() && !scope.covers(regionCode)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		if (page < 0 || size < 1 || size > 5000) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.paging");
		}
		ValueSearch.Filter filter = ValueSearch.Filter.of(regionCode, year, indicatorCode);
		return ResponseEntity.ok()
			.header(ListTotals.HEADER, String.valueOf(search.count(filter, scope)))
			.body(search.find(filter, scope, (long) page * size, size));
	}

	@GetMapping("/{id}")
	ValueView get(@PathVariable long id, Actor actor) {
		workflow.covered(id, actor);
		return search.one(id).orElseThrow();
	}

	// The system administrator manages accounts, not figures: no history, no evidence (三员分立).
	@PreAuthorize("!hasRole('ADMIN')")
	@GetMapping("/{id}/history")
	List<Map<String, Object>> history(@PathVariable long id, Actor actor) {
		workflow.covered(id, actor);
		return search.history(id);
	}

	@PreAuthorize("!hasRole('ADMIN')")
	@GetMapping("/{id}/evidence")
	List<ValueEvidence.Evidence> evidence(@PathVariable long id, Actor actor) {
		return evidence.of(id, actor);
	}

	/** Multipart {@code file}: pdf, jpg, png, xlsx or docx, at most 10 MB, 10 per figure; while a draft or returned. */
	@PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<List<ValueEvidence.Evidence>> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
			Actor actor) throws IOException {
		if (file.getSize() > ValueEvidence.MAX_BYTES) {
			throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge");
		}
		evidence.attach(id, file.getOriginalFilename(), file.getBytes(), actor);
		return ResponseEntity.status(HttpStatus.CREATED).body(evidence.of(id, actor));
	}

	@PreAuthorize("!hasRole('ADMIN')")
	@GetMapping("/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId,
			Actor actor) {
		ValueEvidence.StoredFile file = evidence.load(id, evidenceId, actor);
		return UploadedFiles.attachment(file.filename(), file.contentType(), file.content());
	}

	@PutMapping
	ValueView save(@RequestBody ValueInput input, Actor actor) throws BindException {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(input, "value");
		IndicatorValue saved = workflow.save(input, actor, errors);
		if (saved == null) {
			throw new BindException(errors);
		}
		return search.one(saved.getId()).orElseThrow();
	}

	@PostMapping("/{id}/submit")
	ValueView submit(@PathVariable long id, Actor actor) {
		return search.one(workflow.submit(id, actor).getId()).orElseThrow();
	}

	@PostMapping("/{id}/approve")
	ValueView approve(@PathVariable long id, Actor actor) {
		return search.one(workflow.approve(id, actor).getId()).orElseThrow();
	}

	@PostMapping("/{id}/return")
	ValueView returnValue(@PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Why the figure goes back to its reporter.",
			content = @Content(schema = @Schema(implementation = Reason.class),
					examples = @ExampleObject("{\"reason\": \"分母应为全部抽查批次\"}"))) @RequestBody(required = false) Map<String, String> body,
			Actor actor) {
		String reason = body == null ? null : body.get("reason");
		return search.one(workflow.returnValue(id, reason, actor).getId()).orElseThrow();
	}

	/**
	 * {@code {"value": …, "numerator": …, "denominator": …, "reason": "…"}}: the office's correction
	 * of an approved figure (numerator and denominator optional, see {@link ValueWorkflow#correct}).
	 */
	@PostMapping("/{id}/correct")
	ValueView correct(@PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The corrected figure and why (audited).", required = true,
			content = @Content(schema = @Schema(implementation = Correction.class),
					examples = @ExampleObject("{\"value\": \"93\", \"reason\": \"统计局复核口径调整\"}"))) @RequestBody Map<String, String> body,
			Actor actor) {
		return search.one(workflow.correct(id, body.get("value"), body.get("numerator"), body.get("denominator"),
				body.get("reason"), actor).getId()).orElseThrow();
	}

	@Schema(description = "A reviewer's reason for returning a figure.")
	record Reason(@Schema(description = "shown to the reporter and kept in the history", example = "分母应为全部抽查批次",
			requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

	@Schema(description = "The office's correction of an approved figure.")
	record Correction(@Schema(description = "the corrected figure, a decimal number", example = "93",
			requiredMode = Schema.RequiredMode.REQUIRED) String value,
			@Schema(description = "why it was corrected (audited)", example = "统计局复核口径调整",
					requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

}
