package cn.qualityportal.targets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The indicator catalogue, goals and tasks of a document, per role. */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorGoalTaskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long document;

	@BeforeEach
	void data() {
		accounts.member("igt-office", "450600", true, Role.OFFICE);
		accounts.member("igt-reporter", "450681", false, Role.REPORTER);
		accounts.member("igt-reporter-gangkou", "450602", false, Role.REPORTER);
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values ('任务测试文件', '东兴市人民政府', '东测发〔2019〕1号', 'COUNTY', '450681', 'IN_FORCE') on conflict do nothing""");
		document = jdbc.queryForObject("select id from policy_document where doc_number = '东测发〔2019〕1号'", Long.class);
	}

	@Test
	void theOfficeMaintainsIndicatorsAndOthersOnlyReadThem() throws Exception {
		mvc.perform(post("/indicators").with(accounts.as("igt-office")).with(csrf()).param("code", "bad code!").param("name", "")
			.param("category", "PRODUCT").param("unit", "%").param("valueType", "RATE").param("direction", "HIGHER")
			.param("aggregation", "WEIGHTED"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"));
		mvc.perform(post("/api/v1/indicators").with(httpBasic("igt-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code":"IGT-LOSS","name":"质量损失率","category":"PRODUCT","unit":"%","valueType":"RATE",
					 "direction":"LOWER","aggregation":"WEIGHTED","definition":"质量损失占产值的比率"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.direction").value("LOWER"))
			// No declared precision: a rate shows one decimal (issue #11, item 8).
			.andExpect(jsonPath("$.precision").value(1));
		mvc.perform(post("/api/v1/indicators").with(httpBasic("igt-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code":"IGT-FUND","name":"质量投入","category":"PRODUCT","unit":"亿元","valueType":"AMOUNT",
					 "direction":"HIGHER","aggregation":"SUM","decimals":5}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decimals"));
		mvc.perform(post("/indicators").with(accounts.as("igt-office")).with(csrf()).param("code", "IGT-FUND").param("name", "质量投入")
			.param("category", "PRODUCT").param("unit", "亿元").param("valueType", "AMOUNT").param("direction", "HIGHER")
			.param("aggregation", "SUM").param("decimals", "3"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select decimals from indicator where code = 'IGT-FUND'", Integer.class)).isEqualTo(3);
		mvc.perform(post("/api/v1/indicators").with(httpBasic("igt-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code":"IGT-X","name":"x","category":"PRODUCT","unit":"%","valueType":"RATE","direction":"HIGHER","aggregation":"NONE"}"""))
			.andExpect(status().isForbidden());
		mvc.perform(get("/indicators").param("q", "质量损失").with(accounts.as("igt-reporter")))
			.andExpect(content().string(containsString("质量损失率")))
			.andExpect(content().string(containsString("越低越好")));
		assertThat(jdbc.queryForObject("select count(*) from indicator where code = 'IGT-X'", Integer.class)).isZero();
	}

	@Test
	void goalsAndTasksAppearOnTheDocumentAndProgressIsNotedByItsRegion() throws Exception {
		mvc.perform(post("/documents/" + document + "/goals").with(accounts.as("igt-office")).with(csrf()).param("area", "BRAND")
			.param("title", "品牌建设取得突破").param("position", "1"))
			.andExpect(flash().attribute("success", "flash.saved"));
		long lead = jdbc.queryForObject(
				"select id from department where region_code = '450681' and kind = 'MARKET_REGULATION'", Long.class);
		mvc.perform(post("/tasks").with(accounts.as("igt-office")).with(csrf()).param("documentId", "" + document)
			.param("title", "实施品牌培育工程").param("leadDepartmentId", "" + lead).param("dueYear", "2020")
			.param("status", "IN_PROGRESS"))
			.andExpect(status().is3xxRedirection());
		long task = jdbc.queryForObject("select id from task where document_id = ? and title = '实施品牌培育工程'", Long.class,
				document);
		mvc.perform(post("/tasks/" + task + "/notes").with(accounts.as("igt-reporter")).with(csrf()).param("notedOn", "2019-06-30")
			.param("note", "已认定广西名牌 2 个"))
			.andExpect(flash().attribute("success", "flash.saved"));
		mvc.perform(post("/tasks/" + task + "/notes").with(accounts.as("igt-reporter")).with(csrf()).param("notedOn", "2999-01-01")
			.param("note", "未来的进展"))
			.andExpect(flash().attribute("error", "validation.task.note"));
		mvc.perform(get("/documents/" + document).with(accounts.as("igt-reporter")))
			.andExpect(content().string(containsString("品牌建设取得突破")))
			.andExpect(content().string(containsString("实施品牌培育工程")))
			.andExpect(content().string(containsString("2019-06-30")));
		mvc.perform(get("/tasks/" + task).with(accounts.as("igt-reporter-gangkou"))).andExpect(status().isNotFound());
		mvc.perform(post("/tasks/" + task + "/notes").with(accounts.as("igt-reporter-gangkou")).with(csrf())
			.param("notedOn", "2019-07-01").param("note", "越权记录"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from task_note where task_id = ?", Integer.class, task)).isEqualTo(1);
	}

}
