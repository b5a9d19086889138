package cn.qualityportal.dashboards;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.targets.Figures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The small things users noticed (issue 14, item 10) and the pages' way-finding (item 8), on the
 * demo: people's names instead of account names, no build version on the home page, breadcrumbs,
 * forms that label every field and do not ask for internal ids, 新增 beside increment targets, and
 * the public latest figure at the indicator's declared precision.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class SmallThingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theReviewQueueAndAFiguresHistoryNamePeopleNotAccounts() throws Exception {
		String queue = html("reviewer-450602", "/reporting/review");
		assertThat(queue).contains("港口区填报员").doesNotContain(">reporter-450602<");

		long figure = jdbc.queryForObject("""
				select id from indicator_value where region_code = '450602' and status = 'SUBMITTED' order by id limit 1""",
				Long.class);
		transactions.executeWithoutResult(status -> audit.record("reporter-450602", "indicator_value", figure, "SUBMIT", null,
				Map.of("status", "SUBMITTED"), null));
		String page = html("reviewer-450602", "/reporting/values/" + figure);
		assertThat(page).contains("<td>港口区填报员</td>").doesNotContain("<td>reporter-450602</td>");
		// Way back: the figure's page sits under the reviewer's queue.
		assertThat(page).contains("aria-current=\"page\"").contains("href=\"/reporting/review\"");
	}

	@Test
	void theHomePageShowsNoBuildVersion() throws Exception {
		assertThat(html("reporter-450681", "/")).doesNotContain("SNAPSHOT", "版本");
	}

	@Test
	void targetAndCascadePagesHaveBreadcrumbsAndTheTermsSayIncrement() throws Exception {
		long increment = jdbc.queryForObject("""
				select t.id from target t join policy_document d on d.id = t.document_id
				where t.increment and d.doc_number = '防政发〔2017〕14号' and t.region_code = '450600' order by t.id limit 1""",
				Long.class);
		String target = html("office", "/targets/" + increment);
		assertThat(target).contains("class=\"breadcrumb\"", "防政发〔2017〕14号", "aria-current=\"page\"");
		assertThat(target).containsPattern("新增 [^<]*</span>");

		String cascade = html("office", "/targets/" + increment + "/cascade");
		assertThat(cascade).contains("class=\"breadcrumb\"", "防政发〔2017〕14号", "href=\"/targets/" + increment + "\"");
	}

	@Test
	void theDocumentFormsLabelEveryFieldAndAskForNoInternalId() throws Exception {
		String form = html("office", "/documents/new");
		// The office is the city's: its region and the city level are chosen together.
		assertThat(form).containsPattern("<option value=\"CITY\" selected=\"selected\"")
			.containsPattern("<option value=\"450600\" selected=\"selected\"");
		assertThat(form).doesNotContain("type=\"number\" id=\"supersededById\"")
			.contains("<select class=\"form-select\" id=\"supersededById\" name=\"supersededById\">", "防政发〔2017〕14号");

		long city = jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
		String document = html("office", "/documents/" + city);
		// The add-goal form: every field with a label one can see (the order number was a bare "3").
		assertThat(document).contains("<label class=\"form-label small mb-0\" for=\"goal-position\">")
			.doesNotContain("class=\"visually-hidden\" for=\"goal-");
	}

	@Test
	void thePublicSiteRoundsTheLatestFigureAndSaysIncrement() throws Exception {
		long document = jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
		Map<String, Object> figure = jdbc.queryForMap("""
				select v.id, v.value, i.id as indicator, coalesce(i.decimals, 1) as decimals
				from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id
				where v.region_code = '450603' and p.year = 2019 and v.status = 'APPROVED' and i.value_type = 'RATE'
				order by v.id limit 1""");
		BigDecimal stored = (BigDecimal) figure.get("value");
		BigDecimal unrounded = stored.add(new BigDecimal("0.04444"));
		jdbc.update("update indicator_value set value = ? where id = ?", unrounded, figure.get("id"));
		try {
			String page = publicPage("/gk/documents/" + document + "?year=2019");
			assertThat(page).doesNotContain(unrounded.stripTrailingZeros().toPlainString() + "%")
				.contains(Figures.format(unrounded, ((Number) figure.get("decimals")).intValue()) + "%");
		}
		finally {
			jdbc.update("update indicator_value set value = ? where id = ?", stored, figure.get("id"));
		}
		Long incrementIndicator = jdbc.queryForObject("""
				select t.indicator_id from target t where t.document_id = ? and t.increment order by t.id limit 1""", Long.class,
				document);
		assertThat(publicPage("/gk/documents/" + document + "/indicators/" + incrementIndicator + "?year=2019"))
			.containsPattern("新增 [^<]*</span>");
	}

	private String publicPage(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private String html(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
