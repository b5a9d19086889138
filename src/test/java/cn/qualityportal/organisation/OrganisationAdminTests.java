package cn.qualityportal.organisation;

import cn.qualityportal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The system administrator's pages and API for regions, departments and accounts. */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	@BeforeEach
	void tree() {
		accounts.tree();
	}

	@Test
	void administratorCreatesARegionBelowItsCity() throws Exception {
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "450603").param("name", "防城区").param("level", "COUNTY").param("parentCode", "450600"))
			.andExpect(redirectedUrl("/admin/regions?q=450603"));
		assertThat(jdbc.queryForObject("select parent_code from region where code = '450603'", String.class))
			.isEqualTo("450600");
		mvc.perform(get("/admin/regions").param("q", "防城区").with(admin()))
			.andExpect(content().string(containsString("防城区")))
			.andExpect(content().string(containsString("防城港市")))
			// The search keeps what was typed; each row can be deactivated.
			.andExpect(content().string(containsString("name=\"q\" value=\"防城区\" placeholder=\"代码或名称\"")))
			.andExpect(content().string(containsString("action=\"/admin/regions/450603/active\"")))
			.andExpect(content().string(containsString(">停用</button>")));
	}

	@Test
	void invalidRegionsAreRefusedWithFieldErrorsAndNothingChanges() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from region", Integer.class);
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "4506").param("name", "").param("level", "COUNTY").param("parentCode", ""))
			.andExpect(view().name("organisation/regionForm"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(content().string(containsString("区划代码应为六位数字")));
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "450600").param("name", "重复").param("level", "CITY").param("parentCode", "450000"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "validation.regionCode.taken"));
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "450699").param("name", "错层").param("level", "CITY").param("parentCode", "450681"))
			.andExpect(model().attributeHasFieldErrorCode("form", "parentCode", "validation.region.parentLevel"));
		assertThat(jdbc.queryForObject("select count(*) from region", Integer.class)).isEqualTo(before);
	}

	@Test
	void aCodeOfAnotherProvinceIsRefusedBelowTheCityWithAClearMessage() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from region", Integer.class);
		// 460105 is 秀英区 of 海口市 (Hainan): not a district of 防城港市.
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "460105").param("name", "秀英区").param("level", "COUNTY").param("parentCode", "450600"))
			.andExpect(view().name("organisation/regionForm"))
			.andExpect(model().attributeHasFieldErrorCode("form", "parentCode", "validation.region.parentMismatch"))
			.andExpect(content().string(containsString("460105 秀英区 在代码表中的上级是 460100 海口市，不能放在 450600 之下。")));
		mvc.perform(post("/api/v1/regions").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"460105\",\"name\":\"秀英区\",\"level\":\"COUNTY\",\"parentCode\":\"450600\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'parentCode')].message")
				.value("460105 秀英区 belongs under 460100 海口市 in the list, not under 450600."));
		// A county directly under the province, a county posing as a city, a code in no list.
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "450102").param("name", "兴宁区").param("level", "COUNTY").param("parentCode", "450000"))
			.andExpect(model().attributeHasFieldErrorCode("form", "parentCode", "validation.region.parentMismatch"));
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "450102").param("name", "兴宁区").param("level", "CITY").param("parentCode", "450000"))
			.andExpect(model().attributeHasFieldErrorCode("form", "level", "validation.region.levelMismatch"))
			.andExpect(content().string(containsString("区划代码 450102（兴宁区）在代码表中是县级，级别应与之一致。")));
		mvc.perform(post("/admin/regions").with(admin()).with(csrf())
			.param("code", "450698").param("name", "虚构县").param("level", "COUNTY").param("parentCode", "450600"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "validation.region.notInCatalogue"));
		assertThat(jdbc.queryForObject("select count(*) from region", Integer.class)).isEqualTo(before);
	}

	@Test
	void theAdministratorPicksANewRegionFromTheOfficialList() throws Exception {
		mvc.perform(get("/admin/regions/new").param("find", "上思").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("450621")))
			.andExpect(content().string(containsString("href=\"/admin/regions/new?pick=450621\"")));
		mvc.perform(get("/admin/regions/new").param("pick", "450621").with(admin()))
			.andExpect(model().attribute("form", new RegionForm("450621", "上思县", RegionLevel.COUNTY, "450600", null)));
		mvc.perform(get("/api/v1/regions/catalogue").param("q", "4506").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("450600"))
			.andExpect(jsonPath("$[?(@.code == '450681')].parentCode").value("450600"));
	}

	@Test
	void aRegionKeptFromAnOlderListStaysValidAndEditable() throws Exception {
		// 450699 is in no current list (as a merged district would be): it keeps its code and can be renamed.
		accounts.region("450699", "旧区", "COUNTY", "450600");
		long version = jdbc.queryForObject("select version from region where code = '450699'", Long.class);
		mvc.perform(post("/admin/regions/450699").with(admin()).with(csrf()).param("code", "450699")
			.param("name", "旧区（已撤并）").param("level", "COUNTY").param("parentCode", "450600")
			.param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select name from region where code = '450699'", String.class))
			.isEqualTo("旧区（已撤并）");
	}

	@Test
	void aStaleRegionFormGetsAConflictAndShowsTheCurrentValues() throws Exception {
		long version = jdbc.queryForObject("select version from region where code = '450602'", Long.class);
		mvc.perform(post("/admin/regions/450602").with(admin()).with(csrf()).param("code", "450602")
			.param("name", "港口区（第一人）").param("level", "COUNTY").param("parentCode", "450600")
			.param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/regions/450602").with(admin()).with(csrf()).param("code", "450602")
			.param("name", "港口区（第二人）").param("level", "COUNTY").param("parentCode", "450600")
			.param("version", String.valueOf(version)))
			.andExpect(view().name("organisation/regionForm"))
			.andExpect(content().string(containsString("此记录已被他人修改")))
			.andExpect(content().string(containsString("港口区（第一人）")));
		assertThat(jdbc.queryForObject("select name from region where code = '450602'", String.class))
			.isEqualTo("港口区（第一人）");
		jdbc.update("update region set name = '港口区' where code = '450602'");
	}

	@Test
	void regionsAreDeactivatedNotDeleted() throws Exception {
		accounts.region("450699", "待停用区", "COUNTY", "450600");
		mvc.perform(post("/admin/regions/450699/active").with(admin()).with(csrf()).param("active", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select active from region where code = '450699'", Boolean.class)).isFalse();
	}

	@Test
	void onlySystemAdministratorsManageTheOrganisation() throws Exception {
		accounts.member("office-org-test", "450600", true, Role.OFFICE);
		mvc.perform(get("/admin/regions").with(as("office-org-test"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/regions").with(as("office-org-test")).with(csrf())
			.param("code", "450688").param("name", "x").param("level", "COUNTY"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/regions").with(httpBasic("office-org-test", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"450688\",\"name\":\"x\",\"level\":\"COUNTY\",\"parentCode\":\"450600\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from region where code = '450688'", Integer.class)).isZero();
	}

	@Test
	void theApiCreatesAndUpdatesRegionsWithProblemDetailsForErrors() throws Exception {
		mvc.perform(post("/api/v1/regions").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"450621\",\"name\":\"上思县\",\"level\":\"COUNTY\",\"parentCode\":\"450600\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value("450621"))
			.andExpect(jsonPath("$.version").value(0));
		mvc.perform(post("/api/v1/regions").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"12\",\"name\":\"\",\"level\":\"COUNTY\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'code')].message").value("区划代码应为六位数字。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
		mvc.perform(put("/api/v1/regions/450621").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"450621\",\"name\":\"上思县（改）\",\"level\":\"COUNTY\",\"parentCode\":\"450600\",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/v1/regions/450621").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"450621\",\"name\":\"过期的修改\",\"level\":\"COUNTY\",\"parentCode\":\"450600\",\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
		assertThat(jdbc.queryForObject("select name from region where code = '450621'", String.class))
			.isEqualTo("上思县（改）");
		mvc.perform(put("/api/v1/regions/999999").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"999999\",\"name\":\"x\",\"level\":\"COUNTY\",\"version\":0}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void administratorCreatesADepartmentAndRefusesADuplicateName() throws Exception {
		mvc.perform(post("/admin/departments").with(admin()).with(csrf()).param("regionCode", "450681")
			.param("name", "东兴市住房和城乡建设局").param("shortName", "住建局").param("kind", "HOUSING"))
			.andExpect(redirectedUrl("/admin/departments?region=450681"));
		mvc.perform(post("/admin/departments").with(admin()).with(csrf()).param("regionCode", "450681")
			.param("name", "东兴市住房和城乡建设局").param("kind", "HOUSING"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "validation.department.taken"));
		assertThat(jdbc.queryForObject(
				"select count(*) from department where region_code = '450681' and name = '东兴市住房和城乡建设局'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void administratorCreatesAnAccountThatCanSignIn() throws Exception {
		long department = jdbc.queryForObject(
				"select id from department where region_code = '450681' and kind = 'MARKET_REGULATION'", Long.class);
		mvc.perform(post("/admin/users").with(admin()).with(csrf()).param("username", "Reviewer-New")
			.param("displayName", "新审核人").param("departmentId", String.valueOf(department))
			.param("roles", "REVIEWER").param("password", "short"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "validation.password.length"));
		mvc.perform(post("/admin/users").with(admin()).with(csrf()).param("username", "Reviewer-New")
			.param("displayName", "新审核人").param("departmentId", String.valueOf(department))
			.param("roles", "REVIEWER").param("password", "Long-enough-42"))
			.andExpect(redirectedUrl("/admin/users?q=reviewer-new"));
		// The security administrator, not the system administrator, grants the role (三员分立).
		long created = jdbc.queryForObject("select id from user_account where username = 'reviewer-new'", Long.class);
		assertThat(jdbc.queryForObject("select count(*) from user_account_role where account_id = ?", Integer.class, created)).isZero();
		accounts.account("oa-secadmin", Role.SECURITY_ADMIN);
		mvc.perform(post("/security/roles/" + created).with(as("oa-secadmin")).with(csrf()).param("roles", "REVIEWER")
			.param("version", String.valueOf(jdbc.queryForObject("select version from user_account where id = ?", Long.class, created))))
			.andExpect(redirectedUrl("/security/roles?q=reviewer-new"));
		mvc.perform(formLogin().user("reviewer-new").password("Long-enough-42"))
			.andExpect(authenticated().withRoles("REVIEWER"));
		// The administrator chose that password: until its owner replaces it, pages lead to the form and the API refuses.
		mvc.perform(get("/api/v1/me").with(httpBasic("reviewer-new", "Long-enough-42")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("请先在网页上修改初始或已重置的密码，然后再使用接口。"));
		mvc.perform(get("/documents").with(as("reviewer-new"))).andExpect(redirectedUrl("/account/password"));
		mvc.perform(post("/account/password").with(as("reviewer-new")).with(csrf())
			.param("currentPassword", "Long-enough-42").param("newPassword", "Own-password-43").param("confirmation", "Own-password-43"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/v1/me").with(httpBasic("reviewer-new", "Own-password-43")))
			.andExpect(jsonPath("$.unit.regionCode").value("450681"))
			.andExpect(jsonPath("$.unit.departmentName").value("东兴市市场监督管理局"));
	}

	@Test
	void administratorCannotDisableTheirOwnAccount() throws Exception {
		long id = jdbc.queryForObject("select id from user_account where username = 'admin'", Long.class);
		mvc.perform(post("/admin/users/" + id + "/enabled").with(as("admin")).with(csrf())
			.param("enabled", "false")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select enabled from user_account where id = ?", Boolean.class, id)).isTrue();
	}

	@Test
	void usersChangeTheirOwnPasswordAfterProvingTheCurrentOne() throws Exception {
		accounts.member("password-changer", "450681", false, Role.REPORTER);
		mvc.perform(post("/account/password").with(as("password-changer")).with(csrf())
			.param("currentPassword", "wrong").param("newPassword", "New-password-7").param("confirmation", "New-password-7"))
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "validation.password.current"));
		mvc.perform(post("/account/password").with(as("password-changer")).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "New-password-7")
			.param("confirmation", "Other-password-7"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmation", "validation.password.confirmation"));
		mvc.perform(post("/account/password").with(as("password-changer")).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "New-password-7")
			.param("confirmation", "New-password-7"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user("password-changer").password("New-password-7")).andExpect(authenticated());
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return as("admin");
	}

	/** Signed in as the real account, as the pages expect a PortalUser. */
	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

}
