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
	void acceptAllTakesWhatPassesAndLeavesTheRestForReview() throws Exception {
		String text = "到2020年，服务业顾客满意度达到85%以上。\n扶持建设2个以上众创空间。";
		jdbc.update("insert into policy_document (title, issuer, doc_number, level, region_code, status, full_text) "
				+ "values ('全部接受测试', '港口区人民政府', '港提发〔2019〕2号', 'COUNTY', '450602', 'IN_FORCE', ?) "
				+ "on conflict do nothing", text);
		long document = jdbc.queryForObject("select id from policy_document where doc_number = '港提发〔2019〕2号'",
				Long.class);
		mvc.perform(post("/documents/" + document + "/extraction/run").with(accounts.as("review-office")).with(csrf()));
		mvc.perform(post("/documents/" + document + "/extraction/accept-all").with(accounts.as("review-office")).with(csrf()))
			.andExpect(flash().attribute("acceptedCount", 1))
			.andExpect(flash().attribute("leftQuotes", org.hamcrest.Matchers.contains("扶持建设2个以上众创空间")));
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
