package cn.qualityportal.security;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second security review's findings, on the demo data (issue #12): a district's office and
 * the city-wide settings, CSV formula injection, review after a period closed, addresses in a
 * figure's history, inputs that gave 500s, unbounded text and the public surface.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class SecurityRoundTwoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aDistrictOfficeCannotChangeTheCityWideSettings() throws Exception {
		String district = accounts.member("r2-office-450681", "450681", true, Role.OFFICE);
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		String indicatorBefore = jdbc.queryForObject("select direction || reporting_frequency || version from indicator where id = ?",
				String.class, indicator);

		mvc.perform(post("/api/v1/periods/" + period + "/close").with(accounts.as(district)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reporting/periods/" + period + "/close").with(accounts.as(district)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/periods").with(accounts.as(district)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\": 2034, \"kind\": \"ANNUAL\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/indicators/" + indicator).with(accounts.as(district)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"FCG-02\", \"name\": \"x\", \"direction\": \"LOWER\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/assessments/2020/scheme").with(accounts.as(district)).with(csrf()).param("pointsAchieved", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/assessments/2019/publish").param("region", "450600").with(accounts.as(district)).with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(jdbc.queryForObject("select status from reporting_period where id = ?", String.class, period)).isEqualTo("OPEN");
		assertThat(jdbc.queryForObject("select count(*) from reporting_period where year = 2034", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select direction || reporting_frequency || version from indicator where id = ?",
				String.class, indicator)).isEqualTo(indicatorBefore);
		assertThat(jdbc.queryForObject("select count(*) from assessment_scheme where year = 2020 and version > 0", Integer.class))
			.isZero();
		// The city's office still may.
		mvc.perform(post("/api/v1/periods").with(accounts.as("office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\": 2034, \"kind\": \"ANNUAL\"}")).andExpect(status().isCreated());
	}

	@Test
	void noCsvCellStartsWithAFormula() throws Exception {
		long value = jdbc.queryForObject("""
				select min(v.id) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.region_code = '450681' and p.year = 2019""", Long.class);
		jdbc.update("update indicator_value set note = '=HYPERLINK(\"http://evil.example\",\"x\")' where id = ?", value);
		mvc.perform(formLogin().user("=cmd|' /C calc'!A0").password("whatever"));
		accounts.account("r2-auditor", Role.AUDITOR);

		for (String[] export : new String[][] { { "/api/v1/values/export.csv?regionCode=450681", "reporter-450681" },
				{ "/reporting/export.csv?regionCode=450681", "reporter-450681" }, { "/audit/export.csv", "r2-auditor" } }) {
			String csv = mvc.perform(get(export[0]).with(accounts.as(export[1]))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
			int cells = 0;
			for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv.replace("\uFEFF", "")))) {
				for (String cell : record) {
					cells++;
					assertThat(cell).as(export[0]).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
						.doesNotStartWith("\t").doesNotStartWith("\r");
					if (cell.startsWith("-")) {
						assertThat(cell).as(export[0]).matches("-[0-9.]+");
					}
				}
			}
			assertThat(cells).isPositive();
			assertThat(csv).as(export[0]).containsAnyOf("'=HYPERLINK", "'=cmd");
		}
	}

	@Test
	void aClosedPeriodsFiguresCannotBeApprovedOrReturned() throws Exception {
		long value = jdbc.queryForObject("""
				select min(v.id) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.region_code = '450602' and p.year = 2018""", Long.class);
		jdbc.update("update indicator_value set status = 'SUBMITTED', updated_by = 'reporter-450602' where id = ?", value);

		String answer = mvc.perform(post("/api/v1/values/" + value + "/approve").with(accounts.as("reviewer-450602")).with(csrf()))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("该填报期已关闭");
		mvc.perform(post("/api/v1/values/" + value + "/return").with(accounts.as("reviewer-450602")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"请核对\"}")).andExpect(status().isConflict());
		mvc.perform(post("/reporting/review/" + value + "/approve").with(accounts.as("reviewer-450602")).with(csrf()));

		assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, value)).isEqualTo("SUBMITTED");
	}

	@Test
	void aFiguresHistoryShowsNoAddressesAndTheSystemAdministratorSeesNeitherHistoryNorEvidence() throws Exception {
		long value = jdbc.queryForObject("""
				select min(v.id) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.region_code = '450602' and p.year = 2019""", Long.class);
		jdbc.update("""
				insert into audit_log (actor, address, entity, entity_id, action, new_state)
				values ('reporter-450602', '10.9.8.7', 'indicator_value', ?, 'UPDATE', '{}')""", value);
		accounts.account("r2-admin", Role.ADMIN);

		String history = mvc.perform(get("/api/v1/values/" + value + "/history").with(accounts.as("reviewer-450602")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(history).contains("reporter-450602").doesNotContain("10.9.8.7").doesNotContain("address");
		mvc.perform(get("/api/v1/values/" + value + "/history").with(accounts.as("r2-admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/values/" + value + "/evidence").with(accounts.as("r2-admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/values/" + value).with(accounts.as("r2-admin"))).andExpect(status().isForbidden());
	}

	@Test
	void inputsThatGaveServerErrorsAnswer4xxAndChangeNothing() throws Exception {
		long target = jdbc.queryForObject("select min(id) from target where region_code = '450602'", Long.class);
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		String before = fingerprint();
		MockHttpServletRequestBuilder[] requests = {
				get("/documents").param("year", "0").with(accounts.as("office")),
				get("/api/v1/documents").param("year", "0").with(accounts.as("office")),
				get("/documents").param("q", "\u0000").with(accounts.as("office")),
				get("/targets").param("q", "\u0000").with(accounts.as("office")),
				get("/indicators").param("q", "\u0000").with(accounts.as("office")),
				get("/api/v1/documents").param("q", "a\u0000b").with(accounts.as("office")),
				get("/indicators").param("page", "2147483647").with(accounts.as("office")),
				get("/api/v1/departments").param("page", "2147483647").with(accounts.as("office")),
				get("/api/v1/indicators").param("page", "2147483647").with(accounts.as("office")),
				put("/api/v1/targets/" + target).with(accounts.as("office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"regionCode\": \"450602\", \"indicatorId\": 1, \"version\": 0}"),
				post("/api/v1/imports").with(accounts.as("reporter-450602")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
					.content("{}"),
				post("/reporting/" + period).with(accounts.as("reporter-450602")).with(csrf()).param("rows[1000].value", "1"),
				put("/api/v1/values").with(accounts.as("reporter-450602")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"indicatorCode\": \"FCG-02\", \"regionCode\": \"450602\", \"year\": 2020, \"value\": 1, \"note\": \""
							+ "长".repeat(100_000) + "\"}") };
		for (MockHttpServletRequestBuilder request : requests) {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			String what = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
			assertThat(response.getStatus()).as(what).isBetween(400, 499);
		}
		// The form without its document: shown again with the field's error, as every form answers bad input.
		mvc.perform(post("/targets/" + target).with(accounts.as("office")).with(csrf()).param("regionCode", "450602")
			.param("version", jdbc.queryForObject("select version from target where id = ?", String.class, target)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrors("form", "documentId"));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aHundredThousandCharacterNoteAnswers400WithAFieldError() throws Exception {
		long value = jdbc.queryForObject("""
				select v.id from indicator_value v join reporting_period p on p.id = v.period_id and p.year = 2020
				where v.region_code = '450602' and v.status in ('DRAFT', 'RETURNED') order by v.id limit 1""", Long.class);
		var row = jdbc.queryForMap("""
				select i.code, v.value, v.numerator, v.denominator, v.version from indicator_value v
				join indicator i on i.id = v.indicator_id where v.id = ?""", value);
		String body = """
				{"indicatorCode": "%s", "regionCode": "450602", "year": 2020, "value": %s, "numerator": %s, "denominator": %s,
				 "version": %s, "note": "%s"}""".formatted(row.get("code"), row.get("value"), row.get("numerator"),
				row.get("denominator"), row.get("version"), "说".repeat(100_000));
		String answer = mvc.perform(put("/api/v1/values").with(accounts.as("reporter-450602")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("\"field\":\"note\"").contains("2000");
		assertThat(jdbc.queryForObject("select coalesce(length(note), 0) from indicator_value where id = ?", Integer.class, value))
			.isLessThan(2001);
	}

	@Test
	void aLongUsernameIsAnAuditedCountedFailureNotA500() throws Exception {
		String longName = "x".repeat(300);
		int before = jdbc.queryForObject("select count(*) from sign_in_attempt", Integer.class);
		mvc.perform(formLogin().user(longName).password("guess")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me").with(httpBasic(longName, "guess"))).andExpect(status().isUnauthorized());
		assertThat(jdbc.queryForObject("select count(*) from sign_in_attempt", Integer.class)).isEqualTo(before + 2);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SIGN_IN_FAILED' and actor like 'xxxx%'",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void thePublicSurfaceTellsNothingAVisitorDoesNotNeed() throws Exception {
		String info = mvc.perform(get("/actuator/info")).andReturn().getResponse().getContentAsString();
		assertThat(info.toLowerCase()).doesNotContain("jvm").doesNotContain("java").doesNotContain("vendor");
		String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(login).doesNotContain("admin").doesNotContain("PORTAL_");
	}

	private String fingerprint() {
		return jdbc.queryForObject("""
				select concat_ws(',', (select count(*) || ':' || sum(version) from target),
				  (select count(*) || ':' || sum(version) from indicator_value), (select count(*) from audit_log where action <> 'SIGN_IN_FAILED'),
				  (select count(*) from policy_document))""", String.class);
	}

}
