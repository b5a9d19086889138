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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The office's journey through indicators, targets, milestones and cascades, and what others may see. */
@SpringBootTest
@AutoConfigureMockMvc
class TargetTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long cityDocument;

	long passRate;

	long brands;

	@BeforeEach
	void data() {
		accounts.member("target-office", "450600", true, Role.OFFICE);
		accounts.member("target-office-gangkou", "450602", false, Role.OFFICE);
		accounts.member("target-reporter-dongxing", "450681", false, Role.REPORTER);
		cityDocument = document("测政发〔2017〕14号", "450600", "防城港市人民政府");
		passRate = indicator("T-PASS", "制造业产品质量监督抽查合格率", "%", "RATE", "WEIGHTED");
		brands = indicator("T-BRAND", "广西名牌", "个", "COUNT", "SUM");
	}

	@Test
	void officeDefinesATargetAndInvalidOnesAreRefusedWithFieldErrors() throws Exception {
		mvc.perform(post("/targets").with(accounts.as("target-office")).with(csrf()).param("documentId", "" + cityDocument)
			.param("regionCode", "450600").param("indicatorId", "" + passRate).param("comparator", "GE")
			.param("value", "130").param("deadlineYear", "2020").param("baselineYear", "2021"))
			.andExpect(model().attributeHasFieldErrorCode("form", "value", "validation.value.range.RATE"))
			.andExpect(model().attributeHasFieldErrorCode("form", "deadlineYear", "validation.target.deadlineBeforeBaseline"))
			.andExpect(content().string(containsString("百分比应在 0 到 100 之间")));
		long id = target(passRate, "450600", "GE", "93", 2020, "90", 2016);
		mvc.perform(post("/targets").with(accounts.as("target-office")).with(csrf()).param("documentId", "" + cityDocument)
			.param("regionCode", "450600").param("indicatorId", "" + passRate).param("comparator", "GE")
			.param("value", "95").param("deadlineYear", "2020"))
			.andExpect(model().attributeHasFieldErrorCode("form", "indicatorId", "validation.target.duplicate"));
		mvc.perform(get("/documents/" + cityDocument).with(accounts.as("target-reporter-dongxing")))
			.andExpect(content().string(containsString("制造业产品质量监督抽查合格率")))
			.andExpect(content().string(containsString("≥ 93%")));
		assertThat(jdbc.queryForObject("select count(*) from target where document_id = ? and indicator_id = ?",
				Integer.class, cityDocument, passRate)).isEqualTo(1);
		assertThat(id).isPositive();
		// A year is never written with a thousands separator (issue #11, seen defect 9: "到 2,020 年").
		mvc.perform(get("/targets/" + id).with(accounts.as("target-office")))
			.andExpect(content().string(containsString("到 2020 年")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("2,020"))));
	}

	@Test
	void milestonesAreProposedOnAStraightLineEditedAndChecked() throws Exception {
		long id = target(passRate, "450600", "GE", "93", 2020, "90", 2016);
		mvc.perform(get("/targets/" + id + "/milestones").with(accounts.as("target-office")))
			.andExpect(content().string(containsString("value=\"90.75\"")))
			.andExpect(content().string(containsString("value=\"92.25\"")));
		mvc.perform(post("/targets/" + id + "/milestones").with(accounts.as("target-office")).with(csrf())
			.param("milestones[0].year", "2017").param("milestones[0].value", "91")
			.param("milestones[1].year", "2017").param("milestones[1].value", "101"))
			.andExpect(model().attributeHasFieldErrorCode("form", "milestones[1].year", "validation.milestone.duplicate"))
			.andExpect(model().attributeHasFieldErrorCode("form", "milestones[1].value", "validation.value.range.RATE"));
		mvc.perform(post("/targets/" + id + "/milestones").with(accounts.as("target-office")).with(csrf())
			.param("milestones[0].year", "2018").param("milestones[0].value", "92")
			.param("milestones[1].year", "2020").param("milestones[1].value", "93"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForList("select year || ':' || value from milestone where target_id = ? order by year",
				String.class, id)).containsExactly("2018:92.0000", "2020:93.0000");
		assertThat(jdbc.queryForList("select action from audit_log where entity = 'target' and entity_id = ? order by id",
				String.class, id)).containsExactly("CREATE", "MILESTONES");
		assertThat(jdbc.queryForObject("""
				select new_state -> 'milestones' ->> 1 from audit_log
				where entity = 'target' and entity_id = ? and action = 'MILESTONES'""", String.class, id)).isEqualTo("2020:93");
	}

	@Test
	void aCityTargetCascadesToItsDistrictsWithAWarningWhenSharesDoNotAddUp() throws Exception {
		long id = target(brands, "450600", "GE", "30", 2020, null, 2017);
		TargetController.CascadeSummary first = outcome(mvc.perform(post("/targets/" + id + "/cascade").with(accounts.as("target-office"))
			.with(csrf()).param("share.450602", "10").param("share.450681", "15")));
		assertThat(first.sharesMismatch()).isTrue();
		assertThat(first.sharesTotal()).isEqualByComparingTo("25");
		assertThat(jdbc.queryForList("select region_code || ':' || value from target where parent_target_id = ? order by 1",
				String.class, id)).containsExactly("450602:10.0000", "450681:15.0000");
		TargetController.CascadeSummary again = outcome(mvc.perform(post("/targets/" + id + "/cascade").with(accounts.as("target-office"))
			.with(csrf()).param("share.450602", "12")));
		assertThat(again.skipped()).isOne();
		assertThat(again.created()).isZero();
		mvc.perform(post("/targets/" + id + "/cascade").with(accounts.as("target-office")).with(csrf()).param("share.450681x", "1")
			.param("share.999999", "3"))
			.andExpect(flash().attribute("cascadeProblems", org.hamcrest.Matchers.containsInAnyOrder(
					"450681x:validation.cascade.region", "999999:validation.cascade.region")));
		assertThat(jdbc.queryForObject("select count(*) from target where parent_target_id = ?", Integer.class, id))
			.isEqualTo(2);
	}

	@Test
	void aDistrictTargetWeakerThanTheImplementedCityTargetIsFlagged() throws Exception {
		target(passRate, "450600", "GE", "93", 2020, null, null);
		long district = document("测港发〔2017〕9号", "450602", "港口区人民政府");
		jdbc.update("insert into policy_document_parent (document_id, parent_id, relation) values (?, ?, 'IMPLEMENTS')",
				district, cityDocument);
		mvc.perform(post("/targets").with(accounts.as("target-office-gangkou")).with(csrf()).param("documentId", "" + district)
			.param("regionCode", "450602").param("indicatorId", "" + passRate).param("comparator", "GE")
			.param("value", "91").param("deadlineYear", "2021"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/documents/" + district).with(accounts.as("target-office-gangkou")))
			.andExpect(content().string(containsString("低于上位目标")))
			.andExpect(content().string(containsString("期限晚于上位目标")));
	}

	@Test
	void reporterOfDongxingCannotSeeOrChangeGangkousTargets() throws Exception {
		long gangkouDocument = document("测港发〔2018〕4号", "450602", "港口区人民政府");
		long gangkou = jdbc.queryForObject("""
				insert into target (indicator_id, region_code, document_id, comparator, value, deadline_year, unit)
				values (?, '450602', ?, 'GE', 95, 2020, '%') returning id""", Long.class, passRate, gangkouDocument);
		mvc.perform(get("/targets/" + gangkou).with(accounts.as("target-reporter-dongxing"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/targets/" + gangkou).with(httpBasic("target-reporter-dongxing", TestAccounts.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/targets").with(httpBasic("target-reporter-dongxing", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.content[*].regionCode", not(hasItem("450602"))));
		mvc.perform(put("/api/v1/targets/" + gangkou).with(httpBasic("target-reporter-dongxing", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorId\":%d,\"documentId\":%d,\"regionCode\":\"450602\",\"comparator\":\">=\",\"value\":1,\"deadlineYear\":2020,\"version\":0}"
				.formatted(passRate, gangkouDocument)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/targets").with(httpBasic("target-office-gangkou", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"T-PASS\",\"documentId\":%d,\"regionCode\":\"450681\",\"comparator\":\">=\",\"value\":90,\"deadlineYear\":2021}"
				.formatted(cityDocument)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].message").value("您无权为该地区登记或修改数据。"));
		assertThat(jdbc.queryForObject("select value from target where id = ?", Integer.class, gangkou)).isEqualTo(95);
	}

	@Test
	void theApiCreatesTargetsBySymbolAndIndicatorCodeAndRefusesStaleVersions() throws Exception {
		String body = """
				{"indicatorCode":"T-BRAND","documentId":%d,"regionCode":"450600","comparator":"range","value":2,"valueMax":3,
				 "deadlineYear":2025,"increment":true,"baselineYear":2017,"version":%s}""";
		String created = mvc.perform(post("/api/v1/targets").with(httpBasic("target-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(cityDocument, "null")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.target.comparator").value("range"))
			.andExpect(jsonPath("$.target.valueMax").value(3))
			.andExpect(jsonPath("$.target.increment").value(true))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		mvc.perform(put("/api/v1/targets/" + id).with(httpBasic("target-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("\"valueMax\":3", "\"valueMax\":4").formatted(cityDocument, "0")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.target.version").value(1));
		mvc.perform(put("/api/v1/targets/" + id).with(httpBasic("target-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(cityDocument, "0")))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/targets").param("regionCode", "450600").param("documentId", "" + cityDocument)
			.with(httpBasic("target-reporter-dongxing", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.content[*].indicatorCode", hasItem("T-BRAND")));
	}

	private long document(String number, String region, String issuer) {
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values (?, ?, ?, ?, ?, 'IN_FORCE') on conflict do nothing""", "文件 " + number, issuer, number,
				region.endsWith("00") ? "CITY" : "COUNTY", region);
		return jdbc.queryForObject("select id from policy_document where doc_number = ?", Long.class, number);
	}

	private long indicator(String code, String name, String unit, String valueType, String aggregation) {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values (?, ?, 'PRODUCT', ?, ?, 'HIGHER', ?) on conflict do nothing""", code, name, unit, valueType,
				aggregation);
		return jdbc.queryForObject("select id from indicator where code = ?", Long.class, code);
	}

	private long target(long indicator, String region, String comparator, String value, int deadline, String baseline,
			Integer baselineYear) throws Exception {
		jdbc.update("delete from milestone where target_id in (select id from target where indicator_id = ? and region_code = ? and document_id = ?)",
				indicator, region, cityDocument);
		jdbc.update("delete from target where parent_target_id in (select id from target where indicator_id = ? and document_id = ?)",
				indicator, cityDocument);
		jdbc.update("delete from target where indicator_id = ? and region_code = ? and document_id = ?", indicator, region,
				cityDocument);
		var request = post("/targets").with(accounts.as("target-office")).with(csrf()).param("documentId", "" + cityDocument)
			.param("regionCode", region).param("indicatorId", "" + indicator).param("comparator", comparator)
			.param("value", value).param("deadlineYear", "" + deadline);
		if (baseline != null) {
			request.param("baselineValue", baseline);
		}
		if (baselineYear != null) {
			request.param("baselineYear", "" + baselineYear);
			if (baseline == null) {
				request.param("increment", "true");
			}
		}
		String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static TargetController.CascadeSummary outcome(org.springframework.test.web.servlet.ResultActions result) {
		return (TargetController.CascadeSummary) result.andReturn().getFlashMap().get("cascadeOutcome");
	}

}
