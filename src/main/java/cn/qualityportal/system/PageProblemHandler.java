package cn.qualityportal.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * The refusals that pages and the few API endpoints outside {@code @RestController} used to
 * answer with a 500: a database rule ({@link DatabaseRefusals}), a form naming a property that
 * cannot be bound (for example {@code rows[1000].value}, beyond the grid's bound) and a request
 * that is not the multipart upload it should be. Each gets its 4xx through the error handling
 * ({@link ProblemErrorAttributes}): the error page, or a problem detail for API clients, with a
 * translated reason. The transaction has rolled back, so nothing changed.
 * {@link ApiProblemHandler} comes first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

	private final MessageSource messages;

	PageProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	void database(DataIntegrityViolationException failure, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (DatabaseRefusals.isFault(failure)) {
			throw failure;
		}
		DatabaseRefusals.Answer answer = DatabaseRefusals.of(failure);
		refuse(answer.status(), answer.messageKey(), request, response);
	}

	@ExceptionHandler(InvalidPropertyException.class)
	void unbindable(InvalidPropertyException failure, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		refuse(HttpStatus.BAD_REQUEST, "error.400.detail", request, response);
	}

	@ExceptionHandler(MultipartException.class)
	void notMultipart(MultipartException failure, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		refuse(HttpStatus.BAD_REQUEST, "problem.notMultipart", request, response);
	}

	/**
	 * A {@link Refusal} from a page, or from an API endpoint outside {@code @RestController} (an
	 * upload, an export): its status and translated reason, as a problem detail under {@code /api/}.
	 */
	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.getStatusCode(),
					messages.getMessage(refusal.messageKey(), refusal.args(), LocaleContextHolder.getLocale()));
			return ResponseEntity.status(refusal.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		request.setAttribute(ProblemErrorAttributes.DETAIL, refusal.messageKey());
		response.sendError(refusal.getStatusCode().value());
		return null;
	}

	private static void refuse(HttpStatus status, String messageKey, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		request.setAttribute(ProblemErrorAttributes.DETAIL, messageKey);
		response.sendError(status.value());
	}

}
