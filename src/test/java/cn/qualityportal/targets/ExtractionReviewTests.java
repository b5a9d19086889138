package cn.qualityportal.targets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The office reviews extracted targets: decisions are remembered, acceptance is all or nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class ExtractionReviewTests {

	static final String TEXT = "到2020年，全区产品质量监督抽查合格率稳定在95%以上，新增名牌产品3个，培育2-3家服务业标准化试点。";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long document;

	@BeforeEach
	void data() {
		accounts.member("review-office", "450602", false, Role.OFFICE);
		accounts.member("review-office-dongxing", "450681", false, Role.OFFICE);
		accounts.member("review-reporter", "450602", false, Role.REPORTER);
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status, issue_date)
				values ('提取测试文件', '港口区人民政府', '港提发〔2019〕1号', 'COUNTY', '450602', 'IN_FORCE', date '2019-03-01')
				on conflict do nothing""");
		document = jdbc.queryForObject("select id from policy_document where doc_number = '港提发〔2019〕1号'", Long.class);
	}

	@Test
	void rejectedAndAcceptedProposalsAreNotProposedAgain() throws Exception {
		mvc.perform(post("/documents/" + document + "/extraction/text").with(accounts.as("review-office")).with(csrf()).param("text", TEXT))
			.andExpect(flash().attribute("proposedCount", 3));
		long first = candidate("95");
		mvc.perform(post("/documents/" + document + "/extraction/candidates/" + first + "/reject").with(accounts.as("review-office"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/documents/" + document + "/extraction/run").with(accounts.as("review-office")).with(csrf()))
			.andExpect(flash().attribute("proposedCount", 0));
		assertThat(jdbc.queryForObject("select count(*) from extraction_candidate where document_id = ?", Integer.class,
				document)).isEqualTo(3);
		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office")))
			.andExpect(content().string(containsString("candidate-rejected")))
			.andExpect(content().string(containsString("名牌产品")));
	}

	@Test
	void acceptingMakesATargetOfTheDocumentAndAnInvalidEditChangesNothing() throws Exception {
		mvc.perform(post("/documents/" + document + "/extraction/text").with(accounts.as("review-office")).with(csrf()).param("text", TEXT));
		long brands = candidate("3");
		long version = jdbc.queryForObject("select version from extraction_candidate where id = ?", Long.class, brands);
		Integer indicatorsBefore = jdbc.queryForObject("select count(*) from indicator", Integer.class);
		mvc.perform(post("/documents/" + document + "/extraction/candidates/" + brands + "/accept").with(accounts.as("review-office"))
			.with(csrf()).param("indicatorName", "名牌产品").param("comparator", "GE").param("value", "3.5")
			.param("unit", "个").param("deadlineYear", "2020").param("baselineYear", "2019").param("increment", "true")
			.param("version", "" + version))
			.andExpect(model().attributeHasFieldErrorCode("form", "value", "validation.value.whole"));
		assertThat(jdbc.queryForObject("select count(*) from indicator", Integer.class)).isEqualTo(indicatorsBefore);
		assertThat(jdbc.queryForObject("select status from extraction_candidate where id = ?", String.class, brands))
			.isEqualTo("PROPOSED");

		mvc.perform(get("/documents/" + document + "/extraction/candidates/" + brands).with(accounts.as("review-office")))
			.andExpect(content().string(containsString("value=\"2019\"")));
		mvc.perform(post("/documents/" + document + "/extraction/candidates/" + brands + "/accept").with(accounts.as("review-office"))
			.with(csrf()).param("indicatorName", "名牌产品").param("comparator", "GE").param("value", "3")
			.param("unit", "个").param("deadlineYear", "2020").param("baselineYear", "2019").param("increment", "true")
			.param("version", "" + version))
			.andExpect(flash().attribute("success", "extraction.accepted"));
		assertThat(jdbc.queryForObject("""
				select t.region_code || ':' || i.value_type || ':' || t.value || ':' || t.increment
				from target t join indicator i on i.id = t.indicator_id join extraction_candidate c on c.target_id = t.id
				where c.id = ?""", String.class, brands)).isEqualTo("450602:COUNT:3.0000:true");
	}

	@Test
	void acceptAllShowsTheIndicatorsItWillCreateBeforeCreatingThemAndTakesOnlyWhatWasConfirmed() throws Exception {
		String text = "一、目标\n到2020年，服务业顾客满意度达到85%以上，农家乐星级评定覆盖率达到60%。\n二、任务\n扶持建设2个以上众创空间。";
		long document = documentWith("港提发〔2019〕2号", text);
		mvc.perform(post("/documents/" + document + "/extraction/run").with(accounts.as("review-office")).with(csrf()));
		Integer indicatorsBefore = jdbc.queryForObject("select count(*) from indicator", Integer.class);

		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office")))
			.andExpect(content().string(containsString("href=\"/documents/" + document + "/extraction/accept-all\"")));
		mvc.perform(get("/documents/" + document + "/extraction/accept-all").with(accounts.as("review-office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("服务业顾客满意度")))
			.andExpect(content().string(containsString("新建指标")))
			.andExpect(content().string(containsString("留待审核")))
			.andExpect(content().string(containsString("将新建 2 个指标")));
		assertThat(jdbc.queryForObject("select count(*) from indicator", Integer.class)).as("the preview creates nothing")
			.isEqualTo(indicatorsBefore);

		long satisfaction = jdbc.queryForObject(
				"select id from extraction_candidate where document_id = ? and value = 85", Long.class, document);
		long stars = jdbc.queryForObject("select id from extraction_candidate where document_id = ? and value = 60", Long.class,
				document);
		long spaces = jdbc.queryForObject("select id from extraction_candidate where document_id = ? and value = 2", Long.class,
				document);
		mvc.perform(post("/documents/" + document + "/extraction/accept-all").with(accounts.as("review-office")).with(csrf())
			.param("ids", "" + satisfaction, "" + spaces))
			.andExpect(flash().attribute("acceptedCount", 1))
			.andExpect(flash().attribute("leftQuotes", org.hamcrest.Matchers.contains("扶持建设2个以上众创空间")));
		assertThat(jdbc.queryForObject("select count(*) from indicator", Integer.class)).isEqualTo(indicatorsBefore + 1);
		assertThat(jdbc.queryForObject("select status from extraction_candidate where id = ?", String.class, stars))
			.as("not confirmed, so not accepted").isEqualTo("PROPOSED");
		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office")))
			.andExpect(content().string(containsString("请指定牵头部门")));
	}

	@Test
	void anExistingIndicatorIsProposedOnlyWhenItIsTheSameStatistic() throws Exception {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('X13-ALIKE', '竹木家具产品抽查合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED') on conflict do nothing""");
		long document = documentWith("港提发〔2019〕3号", "到2020年，全区竹木家具产品质量合格率稳定在95%以上。");
		mvc.perform(post("/documents/" + document + "/extraction/run").with(accounts.as("review-office")).with(csrf()));
		long candidate = jdbc.queryForObject("select id from extraction_candidate where document_id = ?", Long.class, document);
		long alike = jdbc.queryForObject("select id from indicator where code = 'X13-ALIKE'", Long.class);

		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office")))
			.andExpect(content().string(containsString("≥ 95%")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("&gt;= 95"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("竹木家具产品抽查合格率"))));
		mvc.perform(get("/documents/" + document + "/extraction/candidates/" + candidate).with(accounts.as("review-office")))
			.andExpect(content().string(containsString("<option value=\"" + alike + "\">")))
			.andExpect(content().string(containsString("不一定是同一指标")));

		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('X13-SAME', '竹木家具产品质量合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED') on conflict do nothing""");
		long same = jdbc.queryForObject("select id from indicator where code = 'X13-SAME'", Long.class);
		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office")))
			.andExpect(content().string(containsString("同一指标：竹木家具产品质量合格率")));
		mvc.perform(get("/documents/" + document + "/extraction/candidates/" + candidate).with(accounts.as("review-office")))
			.andExpect(content().string(containsString("<option value=\"" + same + "\" selected=\"selected\">")));
	}

	@Test
	void anAcceptedTargetTakesItsLeadDepartment() throws Exception {
		long document = documentWith("港提发〔2019〕4号", "到2020年，全区竹编工艺品抽检合格率稳定在96%以上。");
		mvc.perform(post("/documents/" + document + "/extraction/run").with(accounts.as("review-office")).with(csrf()));
		long candidate = jdbc.queryForObject("select id from extraction_candidate where document_id = ?", Long.class, document);
		long version = jdbc.queryForObject("select version from extraction_candidate where id = ?", Long.class, candidate);
		long department = jdbc.queryForObject("select id from department where region_code = '450602' order by id limit 1",
				Long.class);
		mvc.perform(get("/documents/" + document + "/extraction/candidates/" + candidate).with(accounts.as("review-office")))
			.andExpect(content().string(containsString("name=\"leadDepartmentId\"")));
		mvc.perform(post("/documents/" + document + "/extraction/candidates/" + candidate + "/accept")
			.with(accounts.as("review-office")).with(csrf()).param("indicatorName", "竹编工艺品抽检合格率").param("comparator", "GE")
			.param("value", "96").param("unit", "%").param("deadlineYear", "2020").param("leadDepartmentId", "" + department)
			.param("version", "" + version))
			.andExpect(flash().attribute("success", "extraction.accepted"));
		assertThat(jdbc.queryForObject("""
				select t.lead_department_id from target t join extraction_candidate c on c.target_id = t.id where c.id = ?""",
				Long.class, candidate)).isEqualTo(department);
		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("请指定牵头部门"))));
	}

	private long documentWith(String number, String text) {
		jdbc.update("insert into policy_document (title, issuer, doc_number, level, region_code, status, full_text) "
				+ "values ('提取测试', '港口区人民政府', ?, 'COUNTY', '450602', 'IN_FORCE', ?) on conflict do nothing", number, text);
		return jdbc.queryForObject("select id from policy_document where doc_number = ?", Long.class, number);
	}

	@Test
	void onlyTheOfficeOfTheDocumentsRegionReviews() throws Exception {
		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-reporter"))).andExpect(status().isForbidden());
		mvc.perform(get("/documents/" + document + "/extraction").with(accounts.as("review-office-dongxing")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/documents/" + document + "/extraction/text").with(accounts.as("review-office-dongxing")).with(csrf())
			.param("text", "篡改的全文")).andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select coalesce(full_text, '') from policy_document where id = ?", String.class, document))
			.doesNotContain("篡改");
	}

	private long candidate(String value) {
		return jdbc.queryForObject(
				"select id from extraction_candidate where document_id = ? and value = cast(? as numeric) order by id limit 1",
				Long.class, document, value);
	}

}
