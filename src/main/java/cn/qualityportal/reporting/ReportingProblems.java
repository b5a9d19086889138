package cn.qualityportal.reporting;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused reporting request over the API: a problem detail whose message is in the user's language. */
@RestControllerAdvice(assignableTypes = { ValueApiController.class, PeriodApiController.class, ValueImportController.class })
class ReportingProblems {

	private final MessageSource messages;

	ReportingProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ReportingException.class)
	ResponseEntity<ProblemDetail> refused(ReportingException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(),
				messages.getMessage(ex.messageKey(), null, LocaleContextHolder.getLocale()));
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
