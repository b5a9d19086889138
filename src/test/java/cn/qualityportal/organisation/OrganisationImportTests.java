package cn.qualityportal.organisation;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.TestWorkbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Region and department imports are all or nothing, report every problem by row, and are idempotent. */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	@BeforeEach
	void tree() {
		accounts.tree();
	}

	@Test
	void importsRegionsFromCsvParentsFirstAndASecondUploadChangesNothing() throws Exception {
		String csv = "代码,名称,级别,上级代码\n450799,试验镇,乡镇,450700\n450700,钦州市,市,450000\n";
		mvc.perform(upload("REGIONS", "regions.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("imported", new int[] { 2, 0 }));
		String snapshot = regions();
		mvc.perform(upload("REGIONS", "regions.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(flash().attribute("imported", new int[] { 0, 2 }));
		assertThat(regions()).isEqualTo(snapshot).contains("450799|试验镇|TOWN|450700");
	}

	@Test
	void oneBadRowRejectsTheWholeFileWithAReportByRow() throws Exception {
		String before = regions();
		String csv = "code,name,level,parent_code\n450800,贵港市,CITY,450000\n45069,坏代码,COUNTY,450600\n"
				+ "450696,,区,450600\n450695,未知上级,COUNTY,123456\n";
		// The report waits in the session (PostgreSQL), found again through the session cookie.
		jakarta.servlet.http.Cookie session = mvc.perform(upload("REGIONS", "regions.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("problems", org.hamcrest.Matchers.hasSize(3)))
			.andExpect(content().string(containsString("文件有 3 处问题，未导入任何数据")))
			.andExpect(content().string(containsString("区划代码应为六位数字")))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(regions()).isEqualTo(before);
		mvc.perform(get("/admin/organisation/import/report.csv").cookie(session).with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			// Every problem names its column as the sheet heads it in Chinese.
			.andExpect(content().string(containsString("3,区划代码,区划代码应为六位数字。")))
			.andExpect(content().string(containsString("4,名称,此项必填。")))
			.andExpect(content().string(containsString("5,上级代码,没有这个地区。")));
	}

	@Test
	void importedRegionsMustAgreeWithTheOfficialList() throws Exception {
		String before = regions();
		String csv = "code,name,level,parent_code\n460105,秀英区,COUNTY,450600\n450698,虚构县,COUNTY,450600\n";
		mvc.perform(upload("REGIONS", "regions.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("problems", org.hamcrest.Matchers.hasSize(2)))
			.andExpect(content().string(containsString("460105 秀英区 在代码表中的上级是 460100 海口市，不能放在 450600 之下。")))
			.andExpect(content().string(containsString("区划代码 450698 不在国家行政区划代码表")));
		assertThat(regions()).isEqualTo(before);
	}

	@Test
	void importsDepartmentsFromXlsxWithChineseKindLabels() throws Exception {
		byte[] xlsx = TestWorkbooks.xlsx(new Object[][] { { "region_code", "name", "short_name", "kind" },
				{ 450681, "东兴市商务局", "商务局", "商务局" }, { 450602, "港口区卫生健康委员会", "卫健委", "HEALTH" } });
		mvc.perform(upload("DEPARTMENTS", "departments.xlsx", xlsx))
			.andExpect(flash().attribute("imported", new int[] { 2, 0 }));
		assertThat(jdbc.queryForObject("select kind from department where name = '东兴市商务局'", String.class))
			.isEqualTo("COMMERCE");
	}

	@Test
	void aDisguisedOrBrokenFileIsRefusedClearly() throws Exception {
		mvc.perform(upload("REGIONS", "regions.xlsx", "plain text, not a workbook".getBytes(StandardCharsets.UTF_8)))
			.andExpect(content().string(containsString("文件已损坏或不是有效的 CSV/xlsx 文件")));
		mvc.perform(upload("REGIONS", "regions.csv", "name\n试验\n".getBytes(StandardCharsets.UTF_8)))
			.andExpect(content().string(containsString("<td>区划代码</td>")))
			.andExpect(content().string(containsString("缺少此列")));
	}

	@Test
	void onlyAdministratorsImport() throws Exception {
		mvc.perform(multipart("/admin/organisation/import")
			.file(new MockMultipartFile("file", "r.csv", "text/csv", "code\n".getBytes(StandardCharsets.UTF_8)))
			.param("kind", "REGIONS")
			.with(user(users.loadUserByUsername(accounts.member("office-import-test", "450600", true, Role.OFFICE))))
			.with(csrf())).andExpect(status().isForbidden());
	}

	private String regions() {
		return String.join("\n", jdbc.queryForList(
				"select code || '|' || name || '|' || level || '|' || coalesce(parent_code, '') from region order by code",
				String.class));
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
			String kind, String filename, byte[] content) {
		return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(
				"/admin/organisation/import")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.param("kind", kind)
			.with(user(users.loadUserByUsername("admin")))
			.with(csrf());
	}

}
