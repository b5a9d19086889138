package cn.qualityportal.reporting;

import java.util.Optional;
import java.util.Set;

import cn.qualityportal.organisation.Regions;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.organisation.SignInAccount;
import cn.qualityportal.organisation.SignInPolicy;
import cn.qualityportal.organisation.Unit;
import cn.qualityportal.organisation.UserAccounts;
import cn.qualityportal.publication.Publications;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.worklist.TodoList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a figure's page and the API answer when the workflow refuses, without a database: a web
 * slice of the two controllers with the portal's own security (its filter chains, CSRF, method
 * security and sign-in through {@code PortalUserDetailsService}) and the workflow mocked, since what
 * is checked here is the page logic around a refusal, not the rules that refuse (those are tested
 * on PostgreSQL in {@code ReportingPagesTests}, {@code ValueWorkflowApiTests} …).
 */
@WebMvcTest(controllers = { ValuePageController.class, ValueApiController.class },
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "cn\\.qualityportal\\.security\\.(SecurityConfiguration|ProblemDetailsResponder|PortalUserDetailsService)"))
class ValueRefusalSliceTests {

	private static final String PASSWORD = "Reporter-password-1";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private PasswordEncoder passwords;

	@MockitoBean
	private ValueWorkflow workflow;

	@MockitoBean
	private ValueSearch search;

	@MockitoBean
	private ValueEvidence evidence;

	@MockitoBean
	private ValueComments comments;

	@MockitoBean
	private UserAccounts accounts;

	@MockitoBean
	private SignInPolicy signIns;

	@MockitoBean
	private Regions regions;

	@MockitoBean
	private TodoList todo;

	@MockitoBean
	private Publications publications;

	@MockitoBean
	private FindByIndexNameSessionRepository<?> sessions;

	private UserDetails signedIn(String username, Role role) {
		given(accounts.findForSignIn(username)).willReturn(Optional.of(new SignInAccount(7, username, "东兴市填报员",
				passwords.encode(PASSWORD), Set.of(role), new Unit(3, "东兴市市场监督管理局", "450681", "东兴市"), false, true, null,
				false)));
		return users.loadUserByUsername(username);
	}

	@Test
	void aSubmissionTheWorkflowRefusesComesBackToTheFigureWithTheReason() throws Exception {
		given(workflow.submit(eq(5L), any())).willThrow(new Refusal(HttpStatus.CONFLICT, "reporting.locked"));
		mvc.perform(post("/reporting/values/5/submit").with(user(signedIn("reporter-450681", Role.REPORTER))).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/reporting/values/5"))
			.andExpect(flash().attribute("error", "reporting.locked"))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void aFigureOutsideTheReportersScopeIsNotFoundRatherThanAMessageOnAPageTheyCannotOpen() throws Exception {
		given(workflow.submit(eq(5L), any())).willThrow(new Refusal.NotFound());
		mvc.perform(post("/reporting/values/5/submit").with(user(signedIn("reporter-450681", Role.REPORTER))).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(flash().attributeCount(0))
			.andExpect(request().attribute("cn.qualityportal.system.ProblemErrorAttributes.detail", "error.404.detail"));
	}

	@Test
	void aSubmissionWithoutTheFormsTokenOrByAnotherRoleNeverReachesTheWorkflow() throws Exception {
		mvc.perform(post("/reporting/values/5/submit").with(user(signedIn("reporter-450681", Role.REPORTER))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reporting/values/5/submit").with(user(signedIn("reviewer-450681", Role.REVIEWER))).with(csrf()))
			.andExpect(status().isForbidden());
		verify(workflow, never()).submit(anyLong(), any());
	}

	@Test
	void theApiAnswersARefusalWithItsStatusAndTranslatedReason() throws Exception {
		signedIn("reporter-450681", Role.REPORTER);
		given(workflow.submit(eq(5L), any())).willThrow(new Refusal(HttpStatus.CONFLICT, "reporting.locked"));
		mvc.perform(post("/api/v1/values/5/submit").with(httpBasic("reporter-450681", PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value("已审核的数据已锁定；如需更正，请通过领导小组办公室并说明理由。"));
		mvc.perform(post("/api/v1/values/5/submit").with(httpBasic("reporter-450681", PASSWORD))
			.header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Approved figures are locked; a correction goes through the office with a reason."));
		mvc.perform(post("/api/v1/values/5/submit").with(httpBasic("reporter-450681", "wrong-password-1")))
			.andExpect(status().isUnauthorized());
	}

}
