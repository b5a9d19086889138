package cn.qualityportal.targets;

import java.io.ByteArrayInputStream;
import java.util.List;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the office sees of a document's targets beyond their numbers: cooperating departments,
 * the differences from the parent document (and which of them are intended), and lead departments.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentConsistencyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long city;

	long district;

	long pilots;

	long passRate;

	long cityBureau;

	long commerce;

	long health;

	@BeforeEach
	void data() {
		accounts.member("consistency-office", "450600", true, Role.OFFICE);
		accounts.member("consistency-reporter", "450602", false, Role.REPORTER);
		cityBureau = accounts.department("450600", "防城港市市场监督管理局", "MARKET_REGULATION");
		commerce = accounts.department("450600", "防城港市商务局", "COMMERCE");
		health = accounts.department("450600", "防城港市卫生健康委员会", "HEALTH");
		city = document("一致性测〔2017〕1号", "450600");
		district = document("一致性测〔2017〕2号", "450602");
		jdbc.update("insert into policy_document_parent (document_id, parent_id, relation) values (?, ?, 'IMPLEMENTS') on conflict do nothing",
				district, city);
		// Each test starts with a district document without targets or acknowledgements.
		jdbc.update("delete from consistency_acknowledgement where document_id = ?", district);
		jdbc.update("delete from target where document_id = ?", district);
		pilots = indicator("C-PILOT", "服务标准化试点单位", "家", "COUNT", "SUM");
		passRate = indicator("C-PASS", "工程质量验收合格率", "%", "RATE", "WEIGHTED");
	}

	@Test
	void cooperatingDepartmentsAreShownListedExportedAndFilterable() throws Exception {
		long id = target(pilots, "450600", city, "RANGE", "2", "3", cityBureau);
		jdbc.update("insert into target_cooperating_department (target_id, department_id) values (?, ?), (?, ?) on conflict do nothing",
				id, commerce, id, health);
		mvc.perform(get("/targets/" + id).with(accounts.as("consistency-office")))
			.andExpect(content().string(containsString("配合单位")))
			.andExpect(content().string(containsString("防城港市卫生健康委员会、防城港市商务局")));
		mvc.perform(get("/targets").param("cooperating", "" + commerce).with(accounts.as("consistency-office")))
			.andExpect(content().string(containsString("服务标准化试点单位")))
			.andExpect(content().string(containsString("防城港市卫生健康委员会、防城港市商务局")));
		mvc.perform(get("/targets").param("cooperating", "" + cityBureau).with(accounts.as("consistency-office")))
			.andExpect(content().string(not(containsString("服务标准化试点单位"))));
		mvc.perform(get("/api/v1/targets").param("cooperatingDepartmentId", "" + health)
			.with(httpBasic("consistency-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].leadDepartmentName").value("防城港市市场监督管理局"))
			.andExpect(jsonPath("$.content[0].cooperatingDepartmentNames[0]").value("防城港市卫生健康委员会"))
			.andExpect(jsonPath("$.content[0].cooperatingDepartmentNames[1]").value("防城港市商务局"));
		// The target's deadline year, named: the default year is the latest reporting year, which other test
		// classes in the same context may or may not have created before this one (alone it failed).
		byte[] xlsx = mvc.perform(get("/dashboards/documents/" + city + "/export.xlsx").param("year", "2020")
			.with(accounts.as("consistency-office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<SpreadsheetRow> rows = Spreadsheets.read("export.xlsx", new ByteArrayInputStream(xlsx), 10_000_000, 10_000);
		assertThat(rows.get(0).cells()).contains("牵头单位", "配合单位");
		assertThat(rows).anySatisfy(row -> assertThat(row.cells()).contains("服务标准化试点单位", "防城港市市场监督管理局",
				"防城港市卫生健康委员会、防城港市商务局"));
	}

	@Test
	void aWeakerRangeAndAnOmittedParentTargetAreFlaggedUntilMarkedAsIntended() throws Exception {
		long cityPilots = target(pilots, "450600", city, "RANGE", "2", "3", cityBureau);
		long cityPass = target(passRate, "450600", city, "GE", "98", null, cityBureau);
		long districtPilots = target(pilots, "450602", district, "RANGE", "1", "2", null);
		mvc.perform(get("/documents/" + district).with(accounts.as("consistency-office")))
			.andExpect(content().string(containsString("区间低于上位目标")))
			.andExpect(content().string(containsString("未承接上位目标")))
			.andExpect(content().string(containsString("需要核查的差异（2 项）")));
		mvc.perform(get("/api/v1/documents/" + district + "/consistency").header("Accept-Language", "en")
			.with(httpBasic("consistency-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.toLookAt.length()").value(2))
			.andExpect(jsonPath("$.toLookAt[?(@.targetId == %d)].parentTargetId".formatted(districtPilots)).value((int) cityPilots))
			.andExpect(jsonPath("$.toLookAt[*].findingLabels[*]", hasItem("Range below the parent's")))
			.andExpect(jsonPath("$.toLookAt[*].findingLabels[*]", hasItem("Parent target not taken up")));

		// A reason is required; a reporter may not mark anything.
		mvc.perform(post("/documents/" + district + "/consistency/acknowledge").with(accounts.as("consistency-office"))
			.with(csrf()).param("parentTargetId", "" + cityPass).param("reason", " "))
			.andExpect(flash().attribute("error", "consistency.reasonRequired"));
		mvc.perform(post("/documents/" + district + "/consistency/acknowledge").with(accounts.as("consistency-reporter"))
			.with(csrf()).param("parentTargetId", "" + cityPass).param("reason", "x"))
			.andExpect(status().isForbidden());
		// Only a finding of today can be marked.
		mvc.perform(post("/documents/" + district + "/consistency/acknowledge").with(accounts.as("consistency-office"))
			.with(csrf()).param("parentTargetId", "" + cityPilots).param("reason", "x"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from consistency_acknowledgement where document_id = ?", Integer.class,
				district)).isZero();

		mvc.perform(post("/documents/" + district + "/consistency/acknowledge").with(accounts.as("consistency-office"))
			.with(csrf()).param("parentTargetId", "" + cityPass).param("reason", "港口区无在建重大工程，由市住建局统一考核"))
			.andExpect(flash().attribute("success", "consistency.acknowledged"));
		mvc.perform(get("/documents/" + district).with(accounts.as("consistency-office")))
			.andExpect(content().string(containsString("需要核查的差异（1 项）")))
			.andExpect(content().string(containsString("港口区无在建重大工程，由市住建局统一考核")));
		mvc.perform(get("/api/v1/documents/" + district + "/consistency")
			.with(httpBasic("consistency-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.toLookAt.length()").value(1))
			.andExpect(jsonPath("$.toLookAt[0].findings[0]").value("consistency.weakerRange"))
			.andExpect(jsonPath("$.intended[0].reason").value("港口区无在建重大工程，由市住建局统一考核"))
			.andExpect(jsonPath("$.intended[0].acknowledgedBy").value("consistency-office"));
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log where entity = 'consistency_acknowledgement' and action = 'ACKNOWLEDGE'
				  and reason = '港口区无在建重大工程，由市住建局统一考核'""", Integer.class)).isEqualTo(1);

		mvc.perform(post("/documents/" + district + "/consistency/withdraw").with(accounts.as("consistency-office"))
			.with(csrf()).param("parentTargetId", "" + cityPass))
			.andExpect(flash().attribute("success", "consistency.withdrawn"));
		mvc.perform(get("/documents/" + district).with(accounts.as("consistency-office")))
			.andExpect(content().string(containsString("需要核查的差异（2 项）")));
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'consistency_acknowledgement' and action = 'WITHDRAW'",
				Integer.class)).isEqualTo(1);
	}

	@Test
	void theDocumentPageListsTargetsWithoutALeadDepartment() throws Exception {
		long without = target(passRate, "450602", district, "GE", "96", null, null);
		target(pilots, "450602", district, "RANGE", "2", "3", accounts.department("450602", "港口区市场监督管理局", "MARKET_REGULATION"));
		String page = mvc.perform(get("/documents/" + district).with(accounts.as("consistency-office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("牵头单位落实情况", "已明确牵头单位 1 / 2 项（50%）", "尚未明确牵头单位的目标",
				"href=\"/targets/" + without + "/edit\"");
		mvc.perform(get("/api/v1/documents/" + district + "/consistency")
			.with(httpBasic("consistency-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.targets").value(2))
			.andExpect(jsonPath("$.targetsWithLead").value(1))
			.andExpect(jsonPath("$.targetsWithoutLead[0]").value((int) without));
	}

	private long document(String number, String region) {
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values (?, '人民政府', ?, ?, ?, 'IN_FORCE') on conflict do nothing""", "文件 " + number, number,
				region.endsWith("00") ? "CITY" : "COUNTY", region);
		return jdbc.queryForObject("select id from policy_document where doc_number = ?", Long.class, number);
	}

	private long indicator(String code, String name, String unit, String valueType, String aggregation) {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values (?, ?, 'SERVICE', ?, ?, 'HIGHER', ?) on conflict do nothing""", code, name, unit, valueType,
				aggregation);
		return jdbc.queryForObject("select id from indicator where code = ?", Long.class, code);
	}

	/** A target straight into the table (each test starts the pair of documents afresh). */
	private long target(long indicator, String region, long document, String comparator, String value, String valueMax,
			Long lead) {
		jdbc.update("delete from target where document_id = ? and indicator_id = ? and region_code = ?", document, indicator,
				region);
		return jdbc.queryForObject("""
				insert into target (indicator_id, region_code, document_id, comparator, value, value_max, deadline_year, unit,
				                    lead_department_id)
				values (?, ?, ?, ?, cast(? as numeric), cast(? as numeric), 2020, (select unit from indicator where id = ?), ?)
				returning id""", Long.class, indicator, region, document, comparator, value, valueMax, indicator, lead);
	}

}
