package cn.qualityportal.assessment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
import cn.qualityportal.spreadsheets.Workbooks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The worked example of docs/assessment.md on the demo: 港口区 self-assesses with evidence, the
 * office reviews the four counties (changing one score with a reason, vetoing 东兴市), previews
 * and publishes; the ranking and each score sheet (page, PDF, xlsx) show the reviewed scores and
 * reasons, and the numbers are the document's. Also: building, importing and copying a rubric,
 * and that a district never sees another's sheet.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class RubricTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Rubrics rubrics;

	@Test
	void theWorkedExampleRunsOnTheDemoFromSelfAssessmentToPublication() throws Exception {
		long rubric = rubricId(2019);
		Map<Integer, Long> items = items(rubric);
		String gangkou = "/rubrics/" + rubric + "/regions/450602";

		// What each county owes for 2019 and never submitted, counted here from what is due
		// (reporting_obligation) and the figures: 港口区 6, 防城区 2, 上思县 2, 东兴市 4.
		Map<String, Integer> missing = Map.of("450602", 6, "450603", 2, "450621", 2, "450681", 4);
		for (Map.Entry<String, Integer> county : missing.entrySet()) {
			assertThat(jdbc.queryForObject("""
					select count(*) from reporting_obligation o where o.region_code = ? and o.year = 2019 and o.kind = 'ANNUAL'
					  and not exists (select 1 from indicator_value v where v.indicator_id = o.indicator_id
					                  and v.region_code = o.region_code and v.period_id = o.period_id)""", Integer.class,
					county.getKey())).as(county.getKey()).isEqualTo(county.getValue());
		}
		// So punctuality (10 points, 2 per missing report) is 10 − 12 → 0 (never below zero), 10 − 4 = 6,
		// 10 − 4 = 6 and 10 − 8 = 2; the portal fills and explains exactly that.
		assertThat(html("office", "/rubrics/" + rubric + "/regions/450603")).contains("23.57", "6.00",
				"平台计算：迟报 0 项、漏报 2 项、被退回 0 项，按考核方案扣 4 分。");
		assertThat(html("office", "/rubrics/" + rubric + "/regions/450621")).contains("19.29", "6.00",
				"平台计算：迟报 0 项、漏报 2 项、被退回 0 项，按考核方案扣 4 分。");
		assertThat(html("office", "/rubrics/" + rubric + "/regions/450681")).contains("22.50", "2.00",
				"平台计算：迟报 0 项、漏报 4 项、被退回 0 项，按考核方案扣 8 分。");

		// 港口区's targets: 17 count (14 of the city's document, 3 of its own), their points add up to 1190,
		// so 30 × 1190 ÷ (100 × 17) = 21.00 (docs/assessment.md, the worked example).
		Rubrics.Line targets = rubrics.sheet(rubrics.get(rubric), "450602").lines().stream()
			.filter(line -> line.item().method() == RubricScore.Method.TARGETS).findFirst().orElseThrow();
		assertThat(targets.detail().targets()).hasSize(17);
		assertThat(targets.detail().targets().stream().map(line -> line.weight().multiply(line.points()))
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1190");
		assertThat(targets.selfScore()).isEqualByComparingTo("21.00");

		// 港口区 reads its sheet, with the automatic criteria filled in and explained.
		String page = html("reporter-450602", gangkou);
		assertThat(page).contains("港口区 年度考核评分表（2019 年）", "质量目标完成情况", "21.00", "0.00",
				"平台计算：迟报 0 项、漏报 6 项、被退回 0 项，按考核方案扣 12 分。");
		// The same indicator may come from the city's decision and the district's own plan: each row names its document.
		assertThat(page).contains("防政发〔2017〕14号", "港质强办〔2017〕1号");
		// Its way in: the rubric page sends a district to its own sheet.
		assertThat(perform("reporter-450602", get("/rubrics?year=2019")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(gangkou);

		// Submitting without the evidence an item asks for is refused, and changes nothing.
		perform("reporter-450602", post(gangkou + "/self").params(self(version("450602"), "submit")))
			.andExpect(shown("“领导小组和工作机制健全，年内召开专题会议”须上传佐证材料。"));
		assertThat(sheetStatus("450602")).isIn("NONE", "DRAFT");
		// A program renamed to .pdf is not evidence.
		perform("reporter-450602", multipart(gangkou + "/evidence").file(new MockMultipartFile("file", "x.pdf",
				"application/pdf", "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1))).param("itemId",
						String.valueOf(items.get(3))))
			.andExpect(flash().attribute("errorText", "文件类型不允许，或文件内容与扩展名不符；请上传 PDF、JPG、PNG、xlsx 或 docx 文件。"));
		for (int position : new int[] { 3, 4, 5, 7 }) {
			perform("reporter-450602", multipart(gangkou + "/evidence").file(new MockMultipartFile("file",
					"证明" + position + ".pdf", "application/pdf", PDF)).param("itemId", String.valueOf(items.get(position))))
				.andExpect(flash().attribute("success", "evidence.attached"));
		}
		perform("reporter-450602", post(gangkou + "/self").params(self(version("450602"), "submit")))
			.andExpect(flash().attribute("success", "rubric.submitted"));
		assertThat(sheetStatus("450602")).isEqualTo("SUBMITTED");
		// Submitted: the district can no longer change it.
		perform("reporter-450602", post(gangkou + "/self").params(self(version("450602"), "save")))
			.andExpect(flash().attribute("errorText", "当前状态下不能修改该自评。"));

		// Before publication no district sees another's sheet: it does not exist for them.
		for (String path : List.of(gangkou, gangkou + "/sheet.pdf", gangkou + "/sheet.xlsx",
				gangkou + "/evidence/" + evidenceId("450602"))) {
			perform("reporter-450603", get(path)).andExpect(status().isNotFound());
			perform("reviewer-450681", get(path)).andExpect(status().isNotFound());
		}
		perform("reporter-450602", get("/rubrics/" + rubric + "/results")).andExpect(status().isForbidden());

		// The office reviews 港口区 with the district's scores beside its own: funding 18 → 12 needs a reason.
		assertThat(html("office", gangkou)).contains("审核确认", "退回补充", "name=\"review_" + items.get(4) + "\"", "证明4.pdf");
		assertThat(html("leader", "/rubrics?year=2019&region=450600")).contains("质量目标完成情况", "已提交待审核")
			.doesNotContain("添加考核项目");
		MultiValueMap<String, String> review = review(rubric, "450602");
		review.set("review_" + items.get(4), "12");
		perform("office", post(gangkou + "/review").params(review))
			.andExpect(shown("“质量工作经费列入财政预算”的审核分与自评分不同，须写明理由。"));
		review.set("reason_" + items.get(4), "经费文件仅列支下半年，按 12 分计");
		review.set("action", "confirm");
		perform("office", post(gangkou + "/review").params(review)).andExpect(flash().attribute("success", "rubric.confirmed"));
		// 防城区 and 上思县 as they assessed themselves.
		for (String county : List.of("450603", "450621")) {
			MultiValueMap<String, String> same = review(rubric, county);
			same.set("action", "confirm");
			perform("office", post("/rubrics/" + rubric + "/regions/" + county + "/review").params(same))
				.andExpect(flash().attribute("success", "rubric.confirmed"));
		}
		// 东兴市: a veto needs a reason and evidence.
		String dongxing = "/rubrics/" + rubric + "/regions/450681";
		MultiValueMap<String, String> veto = review(rubric, "450681");
		veto.set("veto_" + items.get(10), "true");
		veto.set("reason_" + items.get(10), "2019 年 8 月发生重大食品安全事故（演示）");
		veto.set("action", "confirm");
		perform("office", post(dongxing + "/review").params(veto))
			.andExpect(shown("认定“发生重大质量安全事故”一票否决须写明理由并上传佐证材料。"));
		perform("office", multipart(dongxing + "/evidence")
			.file(new MockMultipartFile("file", "事故调查报告.pdf", "application/pdf", PDF))
			.param("itemId", String.valueOf(items.get(10)))).andExpect(flash().attribute("success", "evidence.attached"));
		veto.set("version", String.valueOf(version("450681")));
		perform("office", post(dongxing + "/review").params(veto)).andExpect(flash().attribute("success", "rubric.confirmed"));

		// The preview: the worked example's numbers, the vetoed county last.
		Rubrics.Results preview = rubrics.results(rubrics.get(rubric));
		assertThat(preview.rows()).extracting(row -> row.rank() + " " + row.regionCode() + " " + row.result().total()
				+ " " + row.result().grade())
			.containsExactly("1 450603 86.57 GOOD", "2 450602 75.00 PASS", "3 450621 62.29 PASS", "4 450681 84.50 FAIL");
		assertThat(html("office", "/rubrics/" + rubric + "/results")).contains("预览：尚未发布", "75.00", "一票否决");

		// Publishing asks for a confirmation, then freezes.
		long rubricVersion = jdbc.queryForObject("select version from rubric where id = ?", Long.class, rubric);
		perform("office", post("/rubrics/" + rubric + "/publish").param("version", String.valueOf(rubricVersion)))
			.andExpect(flash().attribute("errorText", "请勾选确认后再发布。"));
		perform("leader", post("/rubrics/" + rubric + "/publish").param("version", String.valueOf(rubricVersion))
			.param("confirm", "true")).andExpect(status().isForbidden());
		perform("office", post("/rubrics/" + rubric + "/publish").param("version", String.valueOf(rubricVersion))
			.param("confirm", "true")).andExpect(flash().attribute("success", "assessment.publishedFlash"));
		String results = html("leader", "/rubrics/" + rubric + "/results");
		assertThat(results).contains("考核结果已于", "86.57", "75.00", "62.29", "84.50", "不合格").doesNotContain("预览");
		assertThatThrownBy(() -> jdbc.update("update self_assessment_line set review_score = 20 where item_id = ?", items.get(4)))
			.rootCause().hasMessageContaining("frozen");
		assertThatThrownBy(() -> jdbc.update("delete from rubric_publication where rubric_id = ?", rubric))
			.rootCause().hasMessageContaining("frozen");

		// Each county's sheet shows the reviewed scores and reasons: page, PDF and xlsx.
		String sheet = html("reporter-450602", gangkou);
		assertThat(sheet).contains("经费文件仅列支下半年，按 12 分计", "自评总分 81.00",
				"审核得分：考核项目 72.00 + 加分 3.00（上限 5.00）− 扣分 0.00（上限 6.00）= 总分 75.00", "等次：合格", "排名：第 2 名");
		String pdf = pdfText("reporter-450602", gangkou + "/sheet.pdf");
		assertThat(pdf).contains("港口区 年度考核评分表（2019 年）", "自评分", "审核分", "审核意见", "经费文件仅列支下半年，按 12 分计",
				"总分 75.00", "等次：合格", "排名：第 2 名");
		String vetoed = pdfText("reporter-450681", dongxing + "/sheet.pdf");
		assertThat(vetoed).contains("一票否决", "2019 年 8 月发生重大食品安全事故（演示）", "总分 84.50", "等次：不合格", "排名：第 4 名");
		byte[] xlsx = perform("reporter-450602", get(gangkou + "/sheet.xlsx")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		List<SpreadsheetRow> rows = Spreadsheets.read("s.xlsx", new ByteArrayInputStream(xlsx), 1 << 20, 100);
		assertThat(rows.get(0).cells()).containsExactly("类别", "考核内容", "分值", "自评分", "审核分", "自评说明", "审核意见");
		assertThat(rows).anySatisfy(row -> assertThat(row.cells()).containsSubsequence("质量工作经费列入财政预算", "20", "18", "12"));

		// Every step is in the audit trail.
		long sheetId = jdbc.queryForObject("select id from self_assessment where rubric_id = ? and region_code = '450602'",
				Long.class, rubric);
		assertThat(jdbc.queryForList("select action from audit_log where entity = 'self_assessment' and entity_id = ? order by id",
				String.class, sheetId)).containsSubsequence("CREATE", "EVIDENCE_ADD", "SUBMIT", "CONFIRM");
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log where entity = 'self_assessment' and action = 'CONFIRM' and actor = 'office'
				  and reason is null and new_state ->> ('reason.' || ?) = '经费文件仅列支下半年，按 12 分计'""", Integer.class,
				items.get(4))).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'rubric' and entity_id = ? and action = 'PUBLISH'",
				Integer.class, rubric)).isEqualTo(1);
		perform("office", post("/rubrics/" + rubric + "/publish").param("version", String.valueOf(rubricVersion))
			.param("confirm", "true")).andExpect(flash().attribute("errorText", "该年度该地区的考核结果已经发布过。"));

		// Next year's ranking moves against this published one: 上思县 climbs from 3rd to 1st.
		long next = rubrics.create(2020, "450600", false, "office");
		rubrics.addItem(next, new Rubrics.ItemInput(RubricScore.Kind.CRITERION, "二、工作措施", "质量宣传", BigDecimal.TEN,
				RubricScore.Method.MANUAL, null, null, null), 1, "office");
		Map<String, String> scores = Map.of("450602", "6", "450603", "7", "450621", "9", "450681", "5");
		for (Map.Entry<String, String> county : scores.entrySet()) {
			Rubric current = rubrics.get(next);
			long item = current.items().get(0).id();
			rubrics.saveSelf(current, county.getKey(), Map.of(item, new Rubrics.SelfInput(county.getValue(), "x")), 0, true,
					"reporter-" + county.getKey());
			rubrics.review(current, county.getKey(), Map.of(item, new Rubrics.ReviewInput(county.getValue(), null, null)), 1,
					true, "office");
		}
		assertThat(rubrics.results(rubrics.get(next)).rows()).extracting(row -> row.regionCode() + " " + row.rank() + " "
				+ row.previousRank() + " " + row.movement())
			.containsExactly("450621 1 3 2", "450603 2 1 -1", "450602 3 2 -1", "450681 4 4 0");
	}

	@Test
	void aDistrictNeverSeesAnotherDistrictsSheet() throws Exception {
		long rubric = rubricId(2019);
		perform("reporter-450602", get("/rubrics/" + rubric + "/regions/450681")).andExpect(status().isNotFound());
		perform("reviewer-450603", get("/rubrics/" + rubric + "/regions/450621/sheet.pdf")).andExpect(status().isNotFound());
		perform("reporter-450681", get("/rubrics/" + rubric + "/regions/450681")).andExpect(status().isOk());
		// Nor can it write to one.
		perform("reporter-450602", post("/rubrics/" + rubric + "/regions/450681/self").params(self(1, "save")))
			.andExpect(status().isNotFound());
		// A region that is not below the rubric's region has no sheet.
		perform("office", get("/rubrics/" + rubric + "/regions/450600")).andExpect(status().isNotFound());
	}

	@Test
	void theOfficeBuildsImportsAndCopiesARubricAndBadInputChangesNothing() throws Exception {
		perform("office", post("/rubrics").param("year", "2024").param("region", "450600"))
			.andExpect(flash().attribute("success", "rubric.created"));
		long rubric = rubricId(2024);
		perform("office", post("/rubrics/" + rubric + "/items").param("version", "1").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传").param("points", "10").param("method", "MANUAL"))
			.andExpect(flash().attribute("success", "rubric.itemAdded"));
		// Automatic scoring is only for criteria; a stale version is a conflict; neither changes anything.
		perform("office", post("/rubrics/" + rubric + "/items").param("version", "2").param("kind", "BONUS")
			.param("category", "加分项").param("title", "荣誉").param("points", "3").param("method", "TARGETS"))
			.andExpect(shown("第 1 行：自动评分只用于考核项目，加分、扣分和否决项由人工认定。"));
		perform("office", post("/rubrics/" + rubric + "/items").param("version", "1").param("kind", "BONUS")
			.param("category", "加分项").param("title", "荣誉").param("points", "3"))
			.andExpect(flash().attribute("errorText", "此记录已被他人修改，下面显示的是最新内容。请核对后重新提交。"));
		assertThat(jdbc.queryForObject("select count(*) from rubric_item where rubric_id = ?", Integer.class, rubric)).isEqualTo(1);
		perform("leader", post("/rubrics/" + rubric + "/items").param("version", "2").param("kind", "BONUS")
			.param("category", "加分项").param("title", "荣誉").param("points", "3")).andExpect(status().isForbidden());

		// Import replaces the items with the office's own sheet.
		byte[] workbook = Workbooks.write(List.of(new Workbooks.Sheet("细则", List.of("类别", "考核内容", "分值", "评分方式", "佐证材料"),
				List.of(List.of("一、质量发展水平", "质量目标完成情况", new BigDecimal("40"), "按目标完成情况", ""),
						List.of("二、工作措施", "经费保障", new BigDecimal("60"), "自评", "预算文件"),
						List.of("加分项", "质量荣誉", new BigDecimal("5"), "", "表彰文件"),
						List.of("一票否决", "重大质量安全事故", "", "", "")))));
		perform("office", multipart("/rubrics/" + rubric + "/import").file(new MockMultipartFile("file", "细则.xlsx",
				"application/octet-stream", workbook)).param("version", "2"))
			.andExpect(flash().attribute("success", "rubric.imported"));
		assertThat(jdbc.queryForList("select kind || '/' || method || '/' || points from rubric_item where rubric_id = ? order by position",
				String.class, rubric)).containsExactly("CRITERION/TARGETS/40.00", "CRITERION/MANUAL/60.00", "BONUS/MANUAL/5.00",
						"VETO/MANUAL/0.00");
		perform("office", post("/rubrics/" + rubric + "/settings").param("version", "3").param("bonusCap", "5")
			.param("deductionCap", "5").param("excellent", "80").param("good", "85").param("pass", "60"))
			.andExpect(shown("分数线应为 优秀 ≥ 良好 ≥ 合格。"));

		// Next year starts as a copy.
		perform("office", post("/rubrics").param("year", "2025").param("region", "450600").param("copy", "true"))
			.andExpect(flash().attribute("success", "rubric.created"));
		assertThat(jdbc.queryForObject("select count(*) from rubric_item where rubric_id = ?", Integer.class, rubricId(2025)))
			.isEqualTo(4);
		perform("office", post("/rubrics").param("year", "2027").param("region", "450600").param("copy", "true"))
			.andExpect(flash().attribute("errorText", "上一年度没有考核评分细则可复制。"));
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'rubric' and entity_id = ?", Integer.class,
				rubric)).isEqualTo(3);
		assertThat(html("office", "/rubrics?year=2024&region=450600")).contains("质量目标完成情况", "按目标完成情况自动评分");
	}

	@Test
	void theOfficeReturnsASheetForCompletionAndStaleOrHostileInputChangesNothing() throws Exception {
		perform("office", post("/rubrics").param("year", "2022").param("region", "450600"))
			.andExpect(flash().attribute("success", "rubric.created"));
		long rubric = rubricId(2022);
		perform("office", post("/rubrics/" + rubric + "/items").param("version", "1").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传").param("points", "10"))
			.andExpect(flash().attribute("success", "rubric.itemAdded"));
		long item = jdbc.queryForObject("select id from rubric_item where rubric_id = ?", Long.class, rubric);
		String sheet = "/rubrics/" + rubric + "/regions/450681";

		// Markup is kept as text and shown escaped; bad numbers are refused with the reason.
		String script = "<script>alert('x')</script>";
		perform("reporter-450681", post(sheet + "/self").param("version", "0").param("score_" + item, "8")
			.param("explanation_" + item, script)).andExpect(flash().attribute("success", "flash.saved"));
		assertThat(html("reporter-450681", sheet)).doesNotContain(script).contains("&lt;script&gt;");
		for (String bad : List.of("11", "-1", "1.234", "abc", "1e-999999999", "9".repeat(30))) {
			perform("reporter-450681", post(sheet + "/self").param("version", "1").param("score_" + item, bad)
				.param("explanation_" + item, "x")).andExpect(shown("“质量宣传”的分数应为 0 到 10 之间、最多两位小数的数字。"));
		}
		// A stale version is a conflict.
		perform("reporter-450681", post(sheet + "/self").param("version", "0").param("score_" + item, "9")
			.param("explanation_" + item, "x")).andExpect(flash().attribute("errorText", "此记录已被他人修改，下面显示的是最新内容。请核对后重新提交。"));
		assertThat(jdbc.queryForObject("select self_score from self_assessment_line where item_id = ?", BigDecimal.class, item))
			.isEqualByComparingTo("8");

		perform("reporter-450681", post(sheet + "/self").param("version", "1").param("score_" + item, "8")
			.param("explanation_" + item, "开展宣传 3 次").param("action", "submit"))
			.andExpect(flash().attribute("success", "rubric.submitted"));
		// Items can no longer change once a district has submitted.
		perform("office", post("/rubrics/" + rubric + "/items").param("version", "2").param("kind", "BONUS")
			.param("category", "加分项").param("title", "荣誉").param("points", "3"))
			.andExpect(shown("已有地区提交自评，不能再修改考核项目。"));
		// Only the office returns it, and only with a reason.
		perform("leader", post(sheet + "/return").param("version", "2").param("reason", "x")).andExpect(status().isForbidden());
		perform("reporter-450681", post(sheet + "/return").param("version", "2").param("reason", "x"))
			.andExpect(status().isForbidden());
		perform("office", post(sheet + "/return").param("version", "2").param("reason", " "))
			.andExpect(flash().attribute("errorText", "请填写退回原因。"));
		perform("office", post(sheet + "/return").param("version", "2").param("reason", "请补充宣传活动照片"))
			.andExpect(flash().attribute("success", "rubric.returned"));
		assertThat(html("reporter-450681", sheet)).contains("已退回补充：请补充宣传活动照片");
		perform("reporter-450681", post(sheet + "/self").param("version", "3").param("score_" + item, "7")
			.param("explanation_" + item, "开展宣传 3 次，照片见附件").param("action", "submit"))
			.andExpect(flash().attribute("success", "rubric.submitted"));
		perform("office", post(sheet + "/review").param("version", "4").param("review_" + item, "7").param("action", "confirm"))
			.andExpect(flash().attribute("success", "rubric.confirmed"));
		assertThat(jdbc.queryForList("""
				select action || coalesce(':' || reason, '') from audit_log where entity = 'self_assessment'
				and entity_id = (select id from self_assessment where rubric_id = ?) order by id""", String.class, rubric))
			.containsExactly("CREATE", "UPDATE", "SUBMIT", "RETURN:请补充宣传活动照片", "SUBMIT", "CONFIRM");
		// Other counties have not assessed themselves: nothing can be published yet.
		perform("office", post("/rubrics/" + rubric + "/publish").param("version", "2").param("confirm", "true"))
			.andExpect(flash().attribute("errorText", "尚有地区的自评未审核确认，不能发布。"));
		assertThat(jdbc.queryForObject("select count(*) from rubric_publication where rubric_id = ?", Integer.class, rubric))
			.isZero();
	}

	@Test
	void aRefusedRowComesBackWithEverythingTypedMarkedAndNothingSaved() throws Exception {
		perform("office", post("/rubrics").param("year", "2021").param("region", "450600"))
			.andExpect(flash().attribute("success", "rubric.created"));
		long rubric = rubricId(2021);
		for (String title : List.of("质量宣传", "质量培训")) {
			perform("office", post("/rubrics/" + rubric + "/items").param("version", String.valueOf(rubricVersion(rubric)))
				.param("kind", "CRITERION").param("category", "二、工作措施").param("title", title).param("points", "10"))
				.andExpect(flash().attribute("success", "rubric.itemAdded"));
		}
		List<Long> items = jdbc.queryForList("select id from rubric_item where rubric_id = ? order by position", Long.class,
				rubric);
		long publicity = items.get(0);
		long training = items.get(1);
		String sheet = "/rubrics/" + rubric + "/regions/450621";

		// The district types a good line and a bad one: both come back as typed, the bad one marked.
		String page = perform("reporter-450621", post(sheet + "/self").param("version", "0")
			.param("score_" + publicity, "8").param("explanation_" + publicity, "开展宣传 3 次")
			.param("score_" + training, "15").param("explanation_" + training, "培训 2 场"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("name=\"score_" + publicity + "\" value=\"8\"", ">开展宣传 3 次</textarea>",
				"name=\"score_" + training + "\" value=\"15\"", ">培训 2 场</textarea>",
				"id=\"error-" + training + "\"", "“质量培训”的分数应为 0 到 10 之间、最多两位小数的数字。", "尚未保存");
		assertThat(page).doesNotContain("id=\"error-" + publicity + "\"");
		assertThat(jdbc.queryForObject("select count(*) from self_assessment where rubric_id = ?", Integer.class, rubric))
			.isZero();

		perform("reporter-450621", post(sheet + "/self").param("version", "0").param("action", "submit")
			.param("score_" + publicity, "8").param("explanation_" + publicity, "开展宣传 3 次")
			.param("score_" + training, "9").param("explanation_" + training, "培训 2 场"))
			.andExpect(flash().attribute("success", "rubric.submitted"));

		// The office changes one score without a reason and types a reason on another line: all kept, nothing saved.
		page = perform("office", post(sheet + "/review").param("version", "1").param("action", "confirm")
			.param("review_" + publicity, "6").param("reason_" + publicity, "")
			.param("review_" + training, "9").param("reason_" + training, "培训记录齐全"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("name=\"review_" + publicity + "\" value=\"6\"", "name=\"review_" + training + "\" value=\"9\"",
				">培训记录齐全</textarea>", "id=\"error-" + publicity + "\"", "“质量宣传”的审核分与自评分不同，须写明理由。", "尚未保存");
		assertThat(jdbc.queryForList("""
				select coalesce(review_score::text, '-') || coalesce(review_reason, '-') from self_assessment_line l
				join self_assessment s on s.id = l.self_assessment_id where s.rubric_id = ?""", String.class, rubric))
			.containsOnly("--");
		assertThat(jdbc.queryForObject("select status from self_assessment where rubric_id = ?", String.class, rubric))
			.isEqualTo("SUBMITTED");
		// Corrected, the same form saves.
		perform("office", post(sheet + "/review").param("version", "1").param("action", "confirm")
			.param("review_" + publicity, "6").param("reason_" + publicity, "宣传次数不足")
			.param("review_" + training, "9").param("reason_" + training, "培训记录齐全"))
			.andExpect(flash().attribute("success", "rubric.confirmed"));
	}

	@Test
	void aRefusedRubricItemOrSettingKeepsWhatWasTyped() throws Exception {
		perform("office", post("/rubrics").param("year", "2023").param("region", "450600"))
			.andExpect(flash().attribute("success", "rubric.created"));
		long rubric = rubricId(2023);
		for (String points : List.of("abc", "2000")) {
			String page = perform("office", post("/rubrics/" + rubric + "/items").param("version", "1").param("kind", "BONUS")
				.param("category", "加分项").param("title", "获得省级质量奖").param("points", points)
				.param("evidenceRequired", "获奖文件"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("value=\"获得省级质量奖\"", "value=\"" + points + "\"", "value=\"获奖文件\"",
					"第 1 行：分值应为 0 到 1000 之间、最多两位小数的数字。");
			assertThat(page).containsPattern("<option value=\"BONUS\" selected=\"selected\"");
		}
		String page = perform("office", post("/rubrics/" + rubric + "/settings").param("version", "1").param("bonusCap", "7")
			.param("deductionCap", "x").param("excellent", "95").param("good", "85").param("pass", "65"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).containsPattern("name=\"bonusCap\"\\s+value=\"7\"").containsPattern("name=\"deductionCap\"\\s+value=\"x\"")
			.containsPattern("name=\"excellent\"\\s+value=\"95\"").contains("上限和分数线应为 0 到 1000 之间、最多两位小数的数字。");
		assertThat(jdbc.queryForObject("select count(*) from rubric_item where rubric_id = ?", Integer.class, rubric)).isZero();
		assertThat(jdbc.queryForObject("select version from rubric where id = ?", Long.class, rubric)).isEqualTo(1);
	}

	@Test
	void theOfficeEditsAnItemUntilTheRubricIsInUseAndAConcurrentEditIsAConflict() throws Exception {
		perform("office", post("/rubrics").param("year", "2030").param("region", "450600"))
			.andExpect(flash().attribute("success", "rubric.created"));
		long rubric = rubricId(2030);
		perform("office", post("/rubrics/" + rubric + "/items").param("version", "1").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传").param("points", "10"))
			.andExpect(flash().attribute("success", "rubric.itemAdded"));
		long item = jdbc.queryForObject("select id from rubric_item where rubric_id = ?", Long.class, rubric);

		// The edit form is the item form, filled with the item.
		assertThat(html("office", "/rubrics?year=2030&region=450600&edit=" + item))
			.contains("action=\"/rubrics/" + rubric + "/items/" + item + "\"", "value=\"质量宣传\"", "value=\"10.00\"");
		// Two people open it at version 2; the first saves, the second is told it changed meanwhile.
		perform("office", post("/rubrics/" + rubric + "/items/" + item).param("version", "2").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传和质量月活动").param("points", "12").param("method", "TARGETS")
			.param("area", "BRAND").param("evidenceRequired", "活动照片"))
			.andExpect(flash().attribute("success", "rubric.itemUpdated"));
		perform("office", post("/rubrics/" + rubric + "/items/" + item).param("version", "2").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传").param("points", "8"))
			.andExpect(flash().attribute("errorText", "此记录已被他人修改，下面显示的是最新内容。请核对后重新提交。"));
		assertThat(jdbc.queryForObject("""
				select title || '/' || points || '/' || method || '/' || area || '/' || evidence_required || '/' || position
				from rubric_item where id = ?""", String.class, item))
			.isEqualTo("质量宣传和质量月活动/12.00/TARGETS/BRAND/活动照片/1");
		// A bad edit keeps what was typed and changes nothing; so does one by a leader (403).
		assertThat(perform("office", post("/rubrics/" + rubric + "/items/" + item).param("version", "3").param("kind", "BONUS")
			.param("category", "加分项").param("title", "荣誉").param("points", "5").param("method", "TARGETS"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("第 1 行：自动评分只用于考核项目，加分、扣分和否决项由人工认定。", "value=\"荣誉\"",
					"action=\"/rubrics/" + rubric + "/items/" + item + "\"");
		perform("leader", post("/rubrics/" + rubric + "/items/" + item).param("version", "3").param("kind", "CRITERION")
			.param("category", "x").param("title", "x").param("points", "1")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select version from rubric where id = ?", Long.class, rubric)).isEqualTo(3);
		// An item of another rubric is not this rubric's.
		long other = jdbc.queryForObject("select min(id) from rubric_item where rubric_id <> ?", Long.class, rubric);
		perform("office", post("/rubrics/" + rubric + "/items/" + other).param("version", "3").param("kind", "CRITERION")
			.param("category", "x").param("title", "x").param("points", "1")).andExpect(status().isNotFound());

		// Audited with what it was and what it became.
		assertThat(jdbc.queryForObject("""
				select old_state ->> 'title' || ' → ' || (new_state ->> 'title') || ' ' || (new_state ->> 'points') from audit_log
				where entity = 'rubric' and entity_id = ? and action = 'ITEM_UPDATE' and actor = 'office'""", String.class, rubric))
			.isEqualTo("质量宣传 → 质量宣传和质量月活动 12");

		// Once a district has submitted its self-assessment the items stay as they are.
		perform("office", post("/rubrics/" + rubric + "/items/" + item).param("version", "3").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传").param("points", "12"))
			.andExpect(flash().attribute("success", "rubric.itemUpdated"));
		perform("reporter-450681", post("/rubrics/" + rubric + "/regions/450681/self").param("version", "0")
			.param("score_" + item, "8").param("explanation_" + item, "x").param("action", "submit"))
			.andExpect(flash().attribute("success", "rubric.submitted"));
		assertThat(perform("office", post("/rubrics/" + rubric + "/items/" + item).param("version", "4").param("kind", "CRITERION")
			.param("category", "二、工作措施").param("title", "质量宣传（改）").param("points", "12"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("已有地区提交自评，不能再修改考核项目。");
		assertThat(jdbc.queryForObject("select title from rubric_item where id = ?", String.class, item)).isEqualTo("质量宣传");
	}

	private long rubricVersion(long rubric) {
		return jdbc.queryForObject("select version from rubric where id = ?", Long.class, rubric);
	}

	private long rubricId(int year) {
		return jdbc.queryForObject("select id from rubric where year = ? and parent_region_code = '450600'", Long.class, year);
	}

	private Map<Integer, Long> items(long rubric) {
		Map<Integer, Long> items = new java.util.HashMap<>();
		jdbc.query("select position, id from rubric_item where rubric_id = ?",
				rs -> { items.put(rs.getInt(1), rs.getLong(2)); }, rubric);
		return items;
	}

	private long version(String region) {
		List<Long> versions = jdbc.queryForList("""
				select s.version from self_assessment s join rubric r on r.id = s.rubric_id
				where r.year = 2019 and r.parent_region_code = '450600' and s.region_code = ?""", Long.class, region);
		return versions.isEmpty() ? 0 : versions.get(0);
	}

	private String sheetStatus(String region) {
		List<String> statuses = jdbc.queryForList("""
				select s.status from self_assessment s join rubric r on r.id = s.rubric_id
				where r.year = 2019 and r.parent_region_code = '450600' and s.region_code = ?""", String.class, region);
		return statuses.isEmpty() ? "NONE" : statuses.get(0);
	}

	private long evidenceId(String region) {
		return jdbc.queryForObject("""
				select min(e.id) from self_assessment_evidence e join self_assessment s on s.id = e.self_assessment_id
				where s.region_code = ?""", Long.class, region);
	}

	/** 港口区's self-assessment of the worked example. */
	private MultiValueMap<String, String> self(long version, String action) {
		long rubric = rubricId(2019);
		Map<Integer, Long> items = items(rubric);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("version", String.valueOf(version));
		form.add("action", action);
		int[] scores = { 20, 18, 19, 0, 3, 0, 0 };
		for (int i = 0; i < scores.length; i++) {
			form.add("score_" + items.get(i + 3), String.valueOf(scores[i]));
			form.add("explanation_" + items.get(i + 3), scores[i] > 0 ? "见佐证材料" : "无");
		}
		return form;
	}

	/** A review that gives every line the district's own score and decides the veto against nobody. */
	private MultiValueMap<String, String> review(long rubric, String region) {
		Rubrics.Sheet sheet = rubrics.sheet(rubrics.get(rubric), region);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("version", String.valueOf(sheet.version()));
		for (Rubrics.Line line : sheet.lines()) {
			if (line.item().kind() == RubricScore.Kind.VETO) {
				form.add("veto_" + line.item().id(), "false");
			}
			else {
				form.add("review_" + line.item().id(), line.selfScore() == null ? "0" : line.selfScore().toPlainString());
			}
		}
		return form;
	}

	/** A refused form shown again (not redirected, so nothing typed is lost) with the message. */
	private static ResultMatcher shown(String message) {
		return result -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(message);
		};
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private org.springframework.test.web.servlet.ResultActions perform(String username,
			AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.with(as(username)).with(csrf()));
	}

	private String html(String username, String path) throws Exception {
		var response = mvc.perform(get(path).with(as(username))).andReturn().getResponse();
		if (response.getStatus() == 302) {
			return "";
		}
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String pdfText(String username, String path) throws Exception {
		byte[] pdf = mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
