package cn.qualityportal.system;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Errors of the JSON API as RFC 9457 problem details, translated: 400 with an {@code errors} list
 * of field and message for invalid input, 409 when the record changed meanwhile (stale
 * {@code version}) or a uniqueness rule was hit. Never an exception text, SQL or stack trace.
 */
// Before the pages' PageProblemHandler, which also matches REST controllers (they are @Controllers too).
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The framework's own problems (a missing record, a wrong method) get a translated detail: a 404
	 * always (the framework's names the resource path), any other when it has none.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (body instanceof ProblemDetail problem && (problem.getDetail() == null || statusCode.value() == 404)) {
			String family = statusCode.value() >= 500 ? "500"
					: statusCode.value() == 401 || statusCode.value() == 403 || statusCode.value() == 404
							? String.valueOf(statusCode.value()) : "400";
			problem.setDetail(messages.getMessage("error." + family + ".detail", null, LocaleContextHolder.getLocale()));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex.getBindingResult());
	}

	/** A number refused by {@link NumberInput} in a JSON body: 400 naming the field, not Jackson's text. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		NumberInput.Invalid invalid = NumberBinding.invalid(ex);
		if (invalid == null) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		String field = "";
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof DatabindException databind) {
				field = databind.getPath()
					.stream()
					.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
							: "[" + reference.getIndex() + "]")
					.collect(java.util.stream.Collectors.joining("."));
				break;
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid", List.of(Map.of("field", field, "message",
				messages.getMessage(invalid.messageKey(), null, LocaleContextHolder.getLocale()))));
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<Object> handleBindException(BindException ex) {
		return invalid(ex.getBindingResult());
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<Object> handleConcurrentChange(ObjectOptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, StaleForms.CONFLICT, List.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException ex) {
		if (DatabaseRefusals.isFault(ex)) {
			throw ex;
		}
		DatabaseRefusals.Answer answer = DatabaseRefusals.of(ex);
		return problem(answer.status(), answer.messageKey(), List.of());
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<Object> handleRefusal(Refusal refusal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.getStatusCode(),
				messages.getMessage(refusal.messageKey(), refusal.args(), LocaleContextHolder.getLocale()));
		return ResponseEntity.status(refusal.getStatusCode()).body(problem);
	}

	private ResponseEntity<Object> invalid(BindingResult result) {
		boolean conflict = StaleForms.isConflict(result);
		List<Map<String, String>> errors = result.getAllErrors()
			.stream()
			.map(error -> Map.of("field", error instanceof FieldError field ? field.getField() : "", "message",
					messages.getMessage(error, LocaleContextHolder.getLocale())))
			.toList();
		return conflict ? problem(HttpStatus.CONFLICT, StaleForms.CONFLICT, errors)
				: problem(HttpStatus.BAD_REQUEST, "problem.invalid", errors);
	}

	private ResponseEntity<Object> problem(HttpStatus status, String detailKey, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailKey, null, LocaleContextHolder.getLocale()));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
