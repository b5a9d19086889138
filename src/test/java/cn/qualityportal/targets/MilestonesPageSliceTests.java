package cn.qualityportal.targets;

import java.util.Optional;
import java.util.Set;

import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.organisation.SignInAccount;
import cn.qualityportal.organisation.SignInPolicy;
import cn.qualityportal.organisation.Unit;
import cn.qualityportal.organisation.UserAccounts;
import cn.qualityportal.publication.Publications;
import cn.qualityportal.worklist.TodoList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The milestone grid's page logic without a database: a web slice of {@link TargetController} with
 * the portal's own security (filter chains, CSRF, method security, sign-in through
 * {@code PortalUserDetailsService}) and its collaborators mocked. The milestone rules themselves
 * (years after the baseline, no duplicate, values in range) are {@link TargetEditor}'s, tested on
 * PostgreSQL in {@code TargetTests}.
 */
@WebMvcTest(controllers = TargetController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "cn\\.qualityportal\\.security\\.(SecurityConfiguration|ProblemDetailsResponder|PortalUserDetailsService)"))
class MilestonesPageSliceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@MockitoBean
	private TargetEditor editor;

	@MockitoBean
	private TargetSearch search;

	@MockitoBean
	private IndicatorRepository indicators;

	@MockitoBean
	private GoalRepository goals;

	@MockitoBean
	private Documents documents;

	@MockitoBean
	private Regions regions;

	@MockitoBean
	private UserAccounts accounts;

	@MockitoBean
	private SignInPolicy signIns;

	@MockitoBean
	private TodoList todo;

	@MockitoBean
	private Publications publications;

	@MockitoBean
	private FindByIndexNameSessionRepository<?> sessions;

	private UserDetails signedIn(String username, Role role) {
		given(accounts.findForSignIn(username)).willReturn(Optional.of(new SignInAccount(9, username, "市质强办", "{noop}unused",
				Set.of(role), new Unit(1, "防城港市质量强市工作领导小组办公室", "450600", "防城港市"), true, true, null, false)));
		return users.loadUserByUsername(username);
	}

	private void targetShown() {
		Indicator indicator = mock(Indicator.class);
		given(indicator.getName()).willReturn("制造业产品质量合格率");
		Target target = mock(Target.class);
		given(target.getId()).willReturn(42L);
		given(target.getIndicator()).willReturn(indicator);
		given(editor.editable(anyLong(), any())).willReturn(target);
	}

	/**
	 * A value that cannot be read as a number comes back on its own row, beside the year typed with
	 * it, with its error; the rows after it keep their places; nothing is saved. (The grid used to
	 * drop the unreadable row before showing the form again, so its error landed on the next row's
	 * year and the year typed was lost.)
	 */
	@Test
	void anUnreadableValueComesBackAsTypedOnItsOwnRowAndNothingIsSaved() throws Exception {
		targetShown();
		MvcResult result = mvc
			.perform(post("/targets/42/milestones").with(user(signedIn("office", Role.OFFICE))).with(csrf())
				.param("milestones[0].year", "2018").param("milestones[0].value", "九十二")
				.param("milestones[1].year", "2019").param("milestones[1].value", "93"))
			.andExpect(status().isOk())
			.andExpect(view().name("targets/milestones"))
			.andExpect(model().attributeHasFieldErrorCode("form", "milestones[0].value", "validation.number.format"))
			.andReturn();
		BindingResult form = (BindingResult) result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
		assertThat(form.getFieldValue("milestones[0].year")).isEqualTo("2018");
		assertThat(form.getFieldValue("milestones[0].value")).isEqualTo("九十二");
		assertThat(form.getFieldValue("milestones[1].year")).isEqualTo("2019");
		assertThat(form.getFieldValue("milestones[1].value")).isEqualTo("93");
		assertThat(result.getResponse().getContentAsString()).contains("value=\"九十二\"", "value=\"2018\"");
		verify(editor, never()).saveMilestones(anyLong(), any(), any(), any());
	}

	@Test
	void onlyTheOfficeChangesMilestonesAndOnlyWithTheFormsToken() throws Exception {
		mvc.perform(post("/targets/42/milestones").with(user(signedIn("office", Role.OFFICE)))
			.param("milestones[0].year", "2018").param("milestones[0].value", "92"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/targets/42/milestones").with(user(signedIn("reporter-450600", Role.REPORTER))).with(csrf())
			.param("milestones[0].year", "2018").param("milestones[0].value", "92"))
			.andExpect(status().isForbidden());
		verify(editor, never()).saveMilestones(anyLong(), any(), any(), any());
		verify(editor, never()).editable(anyLong(), any());
	}

}
