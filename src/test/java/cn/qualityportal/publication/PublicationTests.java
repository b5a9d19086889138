package cn.qualityportal.publication;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public site (政务公开) on the demo, without credentials: what the office published is there,
 * with the same numbers as the portal's API, and nothing else is reachable by any id or year.
 */
// A context of its own (the extra property): the walk plants unpublished traps in the demo.
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1",
		"portal.publication.max-age=60" })
@AutoConfigureMockMvc
class PublicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void withoutCredentialsTheSiteListsThePublishedDemoDocumentAndItsTargetsByCountyWithStatus() throws Exception {
		String index = publicPage("/gk/");
		assertThat(index).contains("防政发〔2017〕14号", "2019", "2016").doesNotContain("港质强办〔2017〕1号");

		String document = publicPage("/gk/documents/" + cityDocument());
		assertThat(document).contains("2019 年进展情况", "港口区", "防城区", "上思县", "东兴市", "全市制造业产品质量监督抽查合格率");
		assertThat(document).containsAnyOf("已达成", "正常推进", "需加快", "滞后");
		// Every county target of the document, with its status, as the portal's API has it for 2019.
		for (String county : List.of("450602", "450603", "450621", "450681")) {
			JsonNode api = json.readTree(api("/api/v1/progress?regionCode=" + county + "&year=2019"));
			for (JsonNode row : api) {
				if ("防政发〔2017〕14号".equals(row.get("documentNumber").asString())) {
					assertThat(document).contains(escaped(row.get("explanation").asString()));
				}
			}
		}
	}

	@Test
	void anAnonymousReaderGetsNoSessionAndRevalidatesWithTheEtag() throws Exception {
		MvcResult first = mvc.perform(get("/gk/documents/" + cityDocument())).andExpect(status().isOk()).andReturn();
		MockHttpServletResponse response = first.getResponse();
		assertThat(response.getCookie("SESSION")).isNull();
		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).noneMatch(cookie -> cookie.startsWith("SESSION"));
		assertThat(first.getRequest().getSession(false)).isNull();
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("public", "max-age=");
		String etag = response.getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();

		MvcResult again = mvc.perform(get("/gk/documents/" + cityDocument()).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified())
			.andReturn();
		assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
		// Anything that may change the page changes the ETag: here a year published (then withdrawn again).
		jdbc.update("insert into published_year (region_code, year, published_by) values ('450600', 2015, 'office')");
		mvc.perform(get("/gk/documents/" + cityDocument()).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isOk());
		jdbc.update("delete from published_year where year = 2015");
		// And an approved figure changing.
		String current = mvc.perform(get("/gk/")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
		jdbc.update("update indicator_value set value = value + 0.1 where id = (select min(id) from indicator_value where status = 'APPROVED')");
		mvc.perform(get("/gk/").header(HttpHeaders.IF_NONE_MATCH, current)).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isZero();
	}

	@Test
	void theIndicatorPageHasAChartATableAndDownloadsWithTheNumbersOfTheApi() throws Exception {
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		String base = "/gk/documents/" + cityDocument() + "/indicators/" + indicator;
		String page = publicPage(base + "?year=2019");
		assertThat(page).contains("data-chart=", "<table class=\"table table-sm\" id=\"figures\">", "口径", "数据提供单位",
				"越高越好", "每年", ".csv?year=2019", ".xlsx?year=2019");

		List<SpreadsheetRow> csv = Spreadsheets.read("x.csv",
				new ByteArrayInputStream(download(base + ".csv?year=2019")), 10_000_000, 100_000);
		List<SpreadsheetRow> xlsx = Spreadsheets.read("x.xlsx",
				new ByteArrayInputStream(download(base + ".xlsx?year=2019")), 10_000_000, 100_000);
		assertThat(csv.get(0).cells()).containsExactly("指标代码", "指标名称", "地区代码", "所属地区", "年份", "数值", "单位", "目标",
				"目标年份", "评估年份", "状态", "说明");
		assertThat(xlsx.stream().map(SpreadsheetRow::cells).toList())
			.isEqualTo(csv.stream().map(SpreadsheetRow::cells).toList());

		// region → year → value, from the CSV
		Map<String, Map<Integer, BigDecimal>> figures = new HashMap<>();
		Map<String, String> statuses = new HashMap<>();
		for (SpreadsheetRow row : csv.subList(1, csv.size())) {
			if (!row.cell(4).isEmpty()) {
				figures.computeIfAbsent(row.cell(2), r -> new HashMap<>()).put(Integer.parseInt(row.cell(4)), new BigDecimal(row.cell(5)));
				assertThat(page).contains(">" + row.cell(5) + "<");
			}
			statuses.put(row.cell(2), row.cell(10));
		}
		int compared = 0;
		for (String region : List.of("450600", "450602", "450603", "450621", "450681")) {
			for (JsonNode row : json.readTree(api("/api/v1/progress?regionCode=" + region + "&year=2019"))) {
				if (!row.get("indicatorCode").asString().equals("FCG-02")
						|| !"防政发〔2017〕14号".equals(row.get("documentNumber").asString())) {
					continue;
				}
				compared++;
				assertThat(statuses.get(region)).isEqualTo(statusLabel(row.get("status").asString()));
				if (!row.get("latestValue").isNull()) {
					assertThat(figures.get(region).get(row.get("latestYear").asInt()))
						.isEqualByComparingTo(row.get("latestValue").decimalValue());
				}
			}
		}
		assertThat(compared).isEqualTo(5);
	}

	@Test
	void everyPublicUrlWithEveryIdShowsNothingUnpublished() throws Exception {
		// Traps: an unapproved 2019 figure, an approved figure of the unpublished year 2020, a draft
		// document marked published (as if drafted back after publication), a document never published.
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		jdbc.update("""
				update indicator_value set status = 'SUBMITTED', value = 88888.8
				where indicator_id = ? and region_code = '450603' and period_id = (select id from reporting_period where year = 2019 and kind = 'ANNUAL')""",
				indicator);
		jdbc.update("""
				update indicator_value set status = 'APPROVED', value = 77777.7, return_reason = null
				where indicator_id = ? and region_code = '450621' and period_id = (select id from reporting_period where year = 2020 and kind = 'ANNUAL')""",
				indicator);
		Long draft = jdbc.queryForObject("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values ('草稿文件陷阱', '防城港市人民政府', '防陷阱〔2019〕1号', 'CITY', '450600', 'DRAFT') returning id""", Long.class);
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year)
				values (?, '450603', ?, 'GE', 91, '%', 2020)""", indicator, draft);
		jdbc.update("insert into published_document (document_id, published_by) values (?, 'office')", draft);

		List<Long> documents = jdbc.queryForList("select id from policy_document", Long.class);
		List<Long> indicators = jdbc.queryForList("select id from indicator", Long.class);
		List<Long> targeted = jdbc.queryForList("select distinct indicator_id from target where document_id = ?", Long.class,
				cityDocument());
		long city = cityDocument();
		List<String> years = List.of("", "?year=2015", "?year=2019", "?year=2020", "?year=2021");
		List<String> seen = new ArrayList<>();
		List<String> downloadedYears = new ArrayList<>();
		seen.add(publicPage("/gk/"));
		for (long document : documents) {
			for (String year : years) {
				boolean publicYear = year.isEmpty() || year.equals("?year=2019");
				int expected = document == city && publicYear ? 200 : 404;
				seen.add(expect("/gk/documents/" + document + year, expected));
				for (long id : indicators) {
					int indicatorExpected = expected == 200 && targeted.contains(id) ? 200 : 404;
					seen.add(expect("/gk/documents/" + document + "/indicators/" + id + year, indicatorExpected));
					seen.add(expect("/gk/documents/" + document + "/indicators/" + id + ".csv" + year, indicatorExpected));
					MockHttpServletResponse xlsx = mvc.perform(get("/gk/documents/" + document + "/indicators/" + id + ".xlsx" + year))
						.andReturn()
						.getResponse();
					assertThat(xlsx.getStatus()).isEqualTo(indicatorExpected);
					if (indicatorExpected == 200) {
						for (SpreadsheetRow row : Spreadsheets.read("x.xlsx", new ByteArrayInputStream(xlsx.getContentAsByteArray()),
								10_000_000, 100_000)) {
							seen.add(String.join(",", row.cells()));
							downloadedYears.add(row.cell(4));
						}
					}
				}
			}
		}
		for (String hostile : List.of("/gk/documents/abc", "/gk/documents/" + city + "?year=abc",
				"/gk/documents/" + city + "?year=99999999999", "/gk/documents/-1", "/gk/nothing")) {
			assertThat(mvc.perform(get(hostile)).andReturn().getResponse().getStatus()).isBetween(400, 404);
		}
		mvc.perform(post("/gk/documents/" + city)).andExpect(status().is4xxClientError());

		String everything = String.join("\n", seen);
		assertThat(everything).contains("全市制造业产品质量监督抽查合格率")
			.doesNotContain("88888.8", "77777.7", "草稿文件陷阱", "防陷阱", "港质强办", "港口区贯彻落实")
			.doesNotContain("2020 年进展情况", "?year=2020");
		assertThat(downloadedYears).contains("2019", "2016").doesNotContain("2020", "2021");
	}

	@Test
	void theOfficePublishesAfterAPreviewAndMayWithdrawBothAudited() throws Exception {
		long district = jdbc.queryForObject("select id from policy_document where doc_number = '港质强办〔2017〕1号'", Long.class);
		mvc.perform(get("/gk/documents/" + district)).andExpect(status().isNotFound());

		String preview = mvc.perform(get("/publication/documents/" + district + "/preview").with(as("office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(preview).contains("港质强办〔2017〕1号", "港口区", "确认公开");
		// Without the confirmation the form goes back to the preview and nothing is published.
		mvc.perform(post("/publication/documents/" + district + "/publish").with(as("office")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/gk/documents/" + district)).andExpect(status().isNotFound());
		// Others may not publish.
		mvc.perform(post("/publication/documents/" + district + "/publish").param("confirmed", "true")
			.with(as("reviewer-450602")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/publication/documents/" + district + "/publish").param("confirmed", "true")
			.with(as("leader")).with(csrf())).andExpect(status().isForbidden());

		mvc.perform(post("/publication/documents/" + district + "/publish").param("confirmed", "true")
			.with(as("office")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(publicPage("/gk/documents/" + district)).contains("港口区贯彻落实质量强市战略实施方案");
		assertThat(audits("published_document", district)).containsExactly("PUBLISH");

		// Withdrawing asks first, and changes nothing until confirmed.
		assertThat(mvc.perform(post("/publication/documents/" + district + "/withdraw").with(as("office")).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("确认撤回公开", "name=\"confirmed\"");
		assertThat(publicPage("/gk/documents/" + district)).contains("港口区贯彻落实质量强市战略实施方案");
		mvc.perform(post("/publication/documents/" + district + "/withdraw").param("confirmed", "true").with(as("office")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/gk/documents/" + district)).andExpect(status().isNotFound());
		assertThat(audits("published_document", district)).containsExactly("PUBLISH", "WITHDRAW");

		// A year: only a closed one; withdrawing 2019 takes it off the site, publishing it again brings it back.
		mvc.perform(post("/publication/years/2020/publish").param("confirmed", "true").with(as("office")).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(mvc.perform(get("/publication/years/2019/preview").with(as("office"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("防政发〔2017〕14号", "东兴市");
		mvc.perform(post("/publication/years/2019/withdraw").with(as("office")).with(csrf())).andExpect(status().isOk());
		assertThat(publicPage("/gk/documents/" + cityDocument() + "?year=2019")).contains("2019 年进展情况");
		mvc.perform(post("/publication/years/2019/withdraw").param("confirmed", "true").with(as("office")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/gk/documents/" + cityDocument() + "?year=2019")).andExpect(status().isNotFound());
		assertThat(publicPage("/gk/documents/" + cityDocument())).contains("2018 年进展情况");
		mvc.perform(post("/publication/years/2019/publish").param("confirmed", "true").with(as("office")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(publicPage("/gk/documents/" + cityDocument())).contains("2019 年进展情况");
		assertThat(audits("published_year", 2019L)).containsExactly("WITHDRAW", "PUBLISH");

		// A draft is never published.
		Long draft = jdbc.queryForObject("""
				insert into policy_document (title, issuer, level, region_code, status)
				values ('草稿', '防城港市人民政府', 'CITY', '450600', 'DRAFT') returning id""", Long.class);
		mvc.perform(post("/publication/documents/" + draft + "/publish").param("confirmed", "true")
			.with(as("office")).with(csrf())).andExpect(status().isBadRequest());
		assertThat(jdbc.queryForObject("select count(*) from published_document where document_id = ?", Integer.class, draft)).isZero();
	}

	private List<String> audits(String entity, long id) {
		return jdbc.queryForList("select action from audit_log where entity = ? and entity_id = ? and actor <> 'demo' order by id",
				String.class, entity, id);
	}

	private long cityDocument() {
		return jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
	}

	private String publicPage(String path) throws Exception {
		return expect(path, 200);
	}

	private String expect(String path, int status) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(status);
		assertThat(response.getCookie("SESSION")).as(path).isNull();
		return status == 200 ? response.getContentAsString(StandardCharsets.UTF_8) : "";
	}

	private byte[] download(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	private String api(String path) throws Exception {
		return mvc.perform(get(path).with(as("office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String statusLabel(String status) {
		return switch (status) {
			case "ACHIEVED" -> "已达成";
			case "ON_TRACK" -> "正常推进";
			case "NEEDS_ACCELERATION" -> "需加快";
			case "OFF_TRACK" -> "滞后";
			case "OVERDUE" -> "逾期未达成";
			default -> "暂无数据";
		};
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
