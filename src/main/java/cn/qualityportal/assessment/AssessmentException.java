package cn.qualityportal.assessment;

import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;

/** An assessment action refused because of the state it finds (published, changed meanwhile): 409. */
class AssessmentException extends Refusal {

	AssessmentException(String messageKey) {
		super(HttpStatus.CONFLICT, messageKey);
	}

}
