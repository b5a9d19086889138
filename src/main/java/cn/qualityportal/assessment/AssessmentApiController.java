package cn.qualityportal.assessment;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ranking over JSON: the regions directly below {@code regionCode} (default: the caller's
 * own region), each with rank, last year's rank, score and every line of it; published or live.
 */
@RestController
class AssessmentApiController {

	private final Assessments assessments;

	AssessmentApiController(Assessments assessments) {
		this.assessments = assessments;
	}

	@GetMapping("/api/v1/assessments/{year}")
	Assessments.Ranking ranking(@PathVariable int year, @RequestParam(defaultValue = "") String regionCode,
			@AuthenticationPrincipal PortalUser user, DataScope scope) {
		if (year < 1949 || year > 2100) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "progress.yearInvalid");
		}
		String parent = !regionCode.isBlank() ? regionCode : user.unit() == null ? null : user.unit().regionCode();
		if (parent == null || !scope.covers(parent)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.notVisible");
		}
		return assessments.ranking(parent, year);
	}

}
