package cn.qualityportal.security;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an attacker types: markup in text fields (shown escaped), SQL in searches and filters
 * (plain text, never a 500 or another district's rows), malformed and oversized bodies (a 4xx
 * problem without internals), path traversal in file names (stored and served under a safe name).
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class HostileInputTests {

	private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

	private static final String[] INJECTIONS = { "' or '1'='1", "'; drop table target; --", "%' union select 1 --",
			"\\'; select pg_sleep(5); --" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void markupInTextFieldsIsShownAsText() throws Exception {
		String body = """
				{"title": "%s质量强区方案", "issuer": "%s", "level": "COUNTY", "regionCode": "450602", "status": "DRAFT"}"""
			.formatted(SCRIPT.replace("\"", "\\\""), SCRIPT.replace("\"", "\\\""));
		mvc.perform(post("/api/v1/documents").with(accounts.as("office")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
		long id = jdbc.queryForObject("select max(id) from policy_document where title like '<script>%'", Long.class);

		for (String path : new String[] { "/documents/" + id, "/documents?q=script", "/dashboards/documents/" + id }) {
			String page = mvc.perform(get(path).with(accounts.as("office")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
		}
	}

	@Test
	void sqlInSearchesAndFiltersIsJustText() throws Exception {
		int targets = jdbc.queryForObject("select count(*) from target", Integer.class);
		for (String injection : INJECTIONS) {
			for (String path : new String[] { "/documents?q=", "/targets?q=", "/admin/users?q=", "/api/v1/documents?q=",
					"/api/v1/values?indicatorCode=", "/api/v1/targets?regionCode=" }) {
				String user = path.startsWith("/admin") ? "mx-hostile-admin" : "reporter-450681";
				accounts.account("mx-hostile-admin", Role.ADMIN);
				int status = mvc.perform(get(path + java.net.URLEncoder.encode(injection, StandardCharsets.UTF_8))
					.with(accounts.as(user))).andReturn().getResponse().getStatus();
				assertThat(status).as(path + injection).isIn(200, 400, 403);
			}
			// A filter naming another region this way is refused, never widened.
			mvc.perform(get("/api/v1/progress").param("regionCode", "450681' or '1'='1").with(accounts.as("reporter-450681")))
				.andExpect(status().isForbidden());
			mvc.perform(get("/dashboards/regions/{code}", "450681' or '1'='1").with(accounts.as("reporter-450681")))
				.andExpect(status().isForbidden());
		}
		String own = mvc.perform(get("/api/v1/values").param("regionCode", "450681").param("indicatorCode", "' or '1'='1")
			.with(accounts.as("reporter-450681"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).isEqualTo("[]");
		assertThat(jdbc.queryForObject("select count(*) from target", Integer.class)).isEqualTo(targets);
	}

	/** The review queue's filters (#14): bounded, plain text, never another district's rows, never a 500. */
	@Test
	void hostileReviewQueueFiltersShowNothingOutsideTheScope() throws Exception {
		for (String injection : INJECTIONS) {
			for (String name : new String[] { "region", "indicator", "status", "department", "page" }) {
				int status = mvc.perform(get("/reporting/review").param(name, injection).with(accounts.as("reviewer-450681")))
					.andReturn().getResponse().getStatus();
				assertThat(status).as(name + injection).isIn(200, 400);
			}
		}
		String page = mvc.perform(get("/reporting/review").param("region", "450602").param("status", "APPROVED")
			// Far beyond the last page, yet within RequestBounds' page limit (above it the request is refused, 400).
			.param("page", "999999").param("indicator", "x".repeat(100)).with(accounts.as("reviewer-450681")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("港口区</td>");
		String other = mvc.perform(get("/reporting/review").param("region", "450602").param("status", "APPROVED")
			.with(accounts.as("reviewer-450681")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// Another district named as the region: the scope still applies, so the queue is empty.
		assertThat(other).doesNotContain("data-value-id").contains("没有待审核的数据");
	}

	@Test
	void malformedAndOversizedBodiesGetAProblemWithoutInternals() throws Exception {
		String malformed = mvc.perform(post("/api/v1/documents").with(accounts.as("office")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"unterminated"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String oversized = mvc.perform(post("/api/v1/documents").with(accounts.as("office")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + "长".repeat(100_000) + "\", \"issuer\": \"x\", \"level\": \"COUNTY\", "
					+ "\"regionCode\": \"450602\", \"status\": \"DRAFT\"}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String wrongType = mvc.perform(post("/api/v1/documents").with(accounts.as("office")).with(csrf())
			.contentType(MediaType.APPLICATION_XML).content("<document/>"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		for (String answer : new String[] { malformed, oversized, wrongType }) {
			assertThat(answer).doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("org.springframework")
				.doesNotContain("SQL");
		}
		assertThat(oversized).contains("\"status\":400");
	}

	@Test
	void hostileNumbersInFormsAndBodiesAreRefusedAtOnceAndChangeNothing() throws Exception {
		// Issue #12, finding 3: every number is bounded before any arithmetic, on every form and API body.
		long cityDoc = jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		int targets = jdbc.queryForObject("select count(*) from target", Integer.class);
		// Warm up the form's template, so the timing below is the request's, not the first rendering's.
		mvc.perform(post("/targets").with(accounts.as("office")).with(csrf()).param("documentId", "" + cityDoc)
			.param("regionCode", "450600").param("indicatorId", "" + indicator).param("comparator", "GE")
			.param("value", "abc").param("deadlineYear", "2030")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/targets").with(accounts.as("office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"abc\"}")).andExpect(status().isBadRequest());
		for (String hostile : new String[] { "1e-100000000", "1E+400000000", "123456789012345678", "0.000000000001" }) {
			long started = System.nanoTime();
			mvc.perform(post("/targets").with(accounts.as("office")).with(csrf()).param("documentId", "" + cityDoc)
				.param("regionCode", "450600").param("indicatorId", "" + indicator).param("comparator", "GE")
				.param("value", hostile).param("deadlineYear", "2030"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
					.attributeHasFieldErrors("form", "value"));
			mvc.perform(post("/api/v1/targets").with(accounts.as("office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"documentId\":" + cityDoc + ",\"regionCode\":\"450600\",\"indicatorId\":" + indicator
						+ ",\"comparator\":\"GE\",\"value\":" + hostile + ",\"deadlineYear\":2030}"))
				.andExpect(status().isBadRequest())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
					.value("value"));
			// Two requests: each well under a second.
			// A hang guard, not a speed measure (speeds live in bench/): expanding such a number takes
			// minutes or all memory; a loaded CI machine takes over a second for an ordinary request.
			assertThat((System.nanoTime() - started) / 1_000_000).as(hostile).isLessThan(10_000);
		}
		assertThat(jdbc.queryForObject("select count(*) from target", Integer.class)).isEqualTo(targets);
	}

	@Test
	void pathTraversalInFileNamesIsDefused() throws Exception {
		long value = jdbc.queryForObject("""
				select v.id from indicator_value v join reporting_period p on p.id = v.period_id and p.year = 2020
				where v.region_code = '450681' and v.status in ('DRAFT', 'RETURNED') order by v.id limit 1""", Long.class);
		mvc.perform(multipart("/reporting/values/" + value + "/evidence")
			.file(new MockMultipartFile("file", "../../../etc/passwd.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
			.with(accounts.as("reporter-450681")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String stored = jdbc.queryForObject("select filename from value_evidence where value_id = ? order by id desc limit 1",
				String.class, value);
		assertThat(stored).doesNotContain("..").doesNotContain("/").endsWith(".pdf");
		long evidence = jdbc.queryForObject("select max(id) from value_evidence where value_id = ?", Long.class, value);
		String disposition = mvc.perform(get("/reporting/values/" + value + "/evidence/" + evidence)
			.with(accounts.as("reporter-450681"))).andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");
		assertThat(disposition).doesNotContain("..").doesNotContain("/etc/");
	}

}
