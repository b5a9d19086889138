package cn.qualityportal.documents;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Policy documents through pages and API, per role and data scope. */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void accounts() {
		accounts.member("doc-office", "450600", true, Role.OFFICE);
		accounts.member("doc-office-gangkou", "450602", false, Role.OFFICE);
		accounts.member("doc-reporter-dongxing", "450681", false, Role.REPORTER);
	}

	@Test
	void officeRegistersADocumentWithItsNumberNormalised() throws Exception {
		long id = create("doc-office", "关于实施质量强市战略的决定", "防城港市人民政府", "防政发[2017] 14号", "450600");
		assertThat(jdbc.queryForObject("select doc_number from policy_document where id = ?", String.class, id))
			.isEqualTo("防政发〔2017〕14号");
		mvc.perform(get("/documents/" + id).with(accounts.as("doc-reporter-dongxing")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关于实施质量强市战略的决定")));
	}

	@Test
	void invalidDocumentsAreRefusedWithFieldErrors() throws Exception {
		create("doc-office", "已有文件", "防城港市人民政府", "防政办发〔2018〕3号", "450600");
		Integer before = jdbc.queryForObject("select count(*) from policy_document", Integer.class);
		mvc.perform(post("/documents").with(accounts.as("doc-office")).with(csrf()).param("title", "")
			.param("issuer", "防城港市人民政府").param("docNumber", "2017年第14号").param("level", "CITY")
			.param("regionCode", "450600").param("status", "REPEALED").param("effectiveFrom", "2020-01-01")
			.param("effectiveTo", "2019-01-01"))
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "docNumber", "validation.docNumber"))
			.andExpect(model().attributeHasFieldErrorCode("form", "effectiveTo", "validation.dateRange"))
			.andExpect(model().attributeHasFieldErrorCode("form", "repealedOn", "validation.repealedOn.required"))
			.andExpect(content().string(containsString("文号格式应为")));
		mvc.perform(post("/documents").with(accounts.as("doc-office")).with(csrf()).param("title", "重复文号")
			.param("issuer", "防城港市人民政府").param("docNumber", "防政办发〔2018〕3号").param("level", "CITY")
			.param("regionCode", "450600").param("status", "IN_FORCE"))
			.andExpect(model().attributeHasFieldErrorCode("form", "docNumber", "validation.docNumber.taken"));
		assertThat(jdbc.queryForObject("select count(*) from policy_document", Integer.class)).isEqualTo(before);
	}

	@Test
	void anOfficeCannotRegisterForARegionOutsideItsScope() throws Exception {
		mvc.perform(post("/documents").with(accounts.as("doc-office-gangkou")).with(csrf()).param("title", "越权")
			.param("issuer", "东兴市人民政府").param("level", "COUNTY").param("regionCode", "450681")
			.param("status", "DRAFT"))
			.andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "validation.region.outOfScope"));
	}

	@Test
	void reporterOfDongxingCannotSeeOrChangeGangkousDocuments() throws Exception {
		long gangkou = create("doc-office-gangkou", "港口区质量强区实施方案", "港口区人民政府", "港政发〔2018〕2号", "450602");
		mvc.perform(get("/documents/" + gangkou).with(accounts.as("doc-reporter-dongxing"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/documents/" + gangkou).with(httpBasic("doc-reporter-dongxing", TestAccounts.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/documents").param("q", "港口区").with(httpBasic("doc-reporter-dongxing", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.content[*].id", not(hasItem((int) gangkou))));
		mvc.perform(get("/documents/" + gangkou + "/edit").with(accounts.as("doc-reporter-dongxing"))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/documents/" + gangkou).with(httpBasic("doc-reporter-dongxing", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"篡改\",\"issuer\":\"港口区人民政府\",\"level\":\"COUNTY\",\"regionCode\":\"450602\",\"status\":\"DRAFT\",\"version\":0}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select title from policy_document where id = ?", String.class, gangkou))
			.isEqualTo("港口区质量强区实施方案");
	}

	@Test
	void aCityOfficeMayReadButNotChangeADistrictOfAnotherBranch() throws Exception {
		long city = create("doc-office", "市级文件", "防城港市人民政府", "防政发〔2019〕1号", "450600");
		mvc.perform(post("/documents/" + city).with(accounts.as("doc-office-gangkou")).with(csrf()).param("title", "改")
			.param("issuer", "防城港市人民政府").param("level", "CITY").param("regionCode", "450600")
			.param("status", "DRAFT").param("version", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/documents/" + city).with(accounts.as("doc-office-gangkou"))).andExpect(status().isOk());
	}

	@Test
	void lineageLinksParentsAndRefusesCycles() throws Exception {
		long parent = create("doc-office", "上位文件", "防城港市人民政府", "防政发〔2016〕8号", "450600");
		long child = create("doc-office-gangkou", "下位文件", "港口区人民政府", "港政发〔2017〕5号", "450602");
		mvc.perform(post("/documents/" + child + "/parents").with(accounts.as("doc-office-gangkou")).with(csrf())
			.param("parentNumber", "防政发[2016]8号").param("relation", "IMPLEMENTS"))
			.andExpect(flash().attribute("success", "flash.saved"));
		mvc.perform(get("/documents/" + parent).with(accounts.as("doc-office")))
			.andExpect(content().string(containsString("下位文件")));
		mvc.perform(post("/documents/" + parent + "/parents").with(accounts.as("doc-office")).with(csrf())
			.param("parentNumber", "港政发〔2017〕5号").param("relation", "CITES"))
			.andExpect(flash().attribute("error", "validation.lineage.cycle"));
		mvc.perform(get("/api/v1/documents/" + child).with(httpBasic("doc-office-gangkou", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.parents[0].relation").value("IMPLEMENTS"))
			.andExpect(jsonPath("$.parents[0].document.docNumber").value("防政发〔2016〕8号"));
	}

	@Test
	void theOriginalFileIsCheckedByContentAndStoredInPostgres() throws Exception {
		long id = create("doc-office", "带原件的文件", "防城港市人民政府", "防政发〔2020〕2号", "450600");
		mvc.perform(multipart("/documents/" + id + "/file")
			.file(new MockMultipartFile("file", "renamed.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
			.with(accounts.as("doc-office")).with(csrf()))
			.andExpect(flash().attribute("error", "document.file.type"));
		assertThat(DocumentFiles.contentType("决定.PDF", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)))
			.contains("application/pdf");
		assertThat(DocumentFiles.contentType("决定.pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 })).isEmpty();
		assertThat(DocumentFiles.contentType("决定.exe", "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		byte[] text = "防城港市人民政府关于实施质量强市战略的决定\n到2020年，合格率达到93%以上。".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/documents/" + id + "/file")
			.file(new MockMultipartFile("file", "../../etc/决定.txt", "text/plain", text))
			.with(accounts.as("doc-office")).with(csrf()))
			.andExpect(flash().attribute("success", "document.file.uploaded"));
		mvc.perform(get("/documents/" + id + "/file").with(accounts.as("doc-reporter-dongxing")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", not(containsString(".."))))
			.andExpect(content().bytes(text));
		assertThat(jdbc.queryForObject("select full_text from policy_document where id = ?", String.class, id))
			.contains("合格率达到93%以上");
	}

	@Test
	void listFiltersAndSearchesBySubstring() throws Exception {
		create("doc-office", "防城港市质量发展规划", "防城港市人民政府", "防政发〔2015〕30号", "450600");
		mvc.perform(get("/api/v1/documents").param("q", "发展规").param("regionCode", "450600")
			.with(httpBasic("doc-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.content[0].title").value("防城港市质量发展规划"))
			.andExpect(jsonPath("$.totalElements").value(1));
		mvc.perform(get("/documents").param("q", "〔2015〕30").with(accounts.as("doc-office")))
			.andExpect(content().string(containsString("防城港市质量发展规划")));
		mvc.perform(get("/api/v1/documents").param("status", "REPEALED").param("q", "发展规")
			.with(httpBasic("doc-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void theApiRefusesAStaleVersionWith409() throws Exception {
		long id = create("doc-office", "并发编辑", "防城港市人民政府", "防政发〔2021〕7号", "450600");
		String body = "{\"title\":\"%s\",\"issuer\":\"防城港市人民政府\",\"level\":\"CITY\",\"regionCode\":\"450600\",\"status\":\"IN_FORCE\",\"version\":0}";
		mvc.perform(put("/api/v1/documents/" + id).with(httpBasic("doc-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("第一次")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/v1/documents/" + id).with(httpBasic("doc-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("第二次")))
			.andExpect(status().isConflict());
		assertThat(jdbc.queryForObject("select title from policy_document where id = ?", String.class, id)).isEqualTo("第一次");
		// Both the page's create and the API's change are in the audit trail, by who made them; the refused one is not.
		assertThat(jdbc.queryForList("""
				select actor || ' ' || action || ' ' || coalesce(old_state ->> 'title', '-') || ' → ' || (new_state ->> 'title')
				from audit_log where entity = 'policy_document' and entity_id = ? order by id""", String.class, id))
			.containsExactly("doc-office CREATE - → 并发编辑", "doc-office UPDATE 并发编辑 → 第一次");
	}

	@Test
	void repealingADocumentAndRemovingALinkAskForConfirmationFirst() throws Exception {
		long parent = create("doc-office", "将废止的上位文件", "防城港市人民政府", "防政发〔2016〕9号", "450600");
		long child = create("doc-office", "将解除关联的文件", "防城港市人民政府", "防政发〔2017〕9号", "450600");
		mvc.perform(post("/documents/" + child + "/parents").with(accounts.as("doc-office")).with(csrf())
			.param("parentNumber", "防政发〔2016〕9号").param("relation", "IMPLEMENTS"))
			.andExpect(flash().attribute("success", "flash.saved"));

		// Removing the link: a confirmation page first, the link stays until it is confirmed.
		mvc.perform(post("/documents/" + child + "/parents/" + parent + "/remove").with(accounts.as("doc-office")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认移除上级文件关联")));
		assertThat(links(child)).isOne();
		mvc.perform(post("/documents/" + child + "/parents/" + parent + "/remove").param("confirmed", "true")
			.with(accounts.as("doc-office")).with(csrf()))
			.andExpect(flash().attribute("success", "flash.saved"));
		assertThat(links(child)).isZero();

		// Repealing: the form asks for the confirmation tick, and only then saves.
		long version = jdbc.queryForObject("select version from policy_document where id = ?", Long.class, parent);
		var repeal = post("/documents/" + parent).with(accounts.as("doc-office")).with(csrf()).param("title", "将废止的上位文件")
			.param("issuer", "防城港市人民政府").param("docNumber", "防政发〔2016〕9号").param("level", "CITY")
			.param("regionCode", "450600").param("status", "REPEALED").param("issueDate", "2016-06-13")
			.param("repealedOn", "2020-01-01").param("version", "" + version);
		mvc.perform(repeal)
			.andExpect(model().attributeHasFieldErrorCode("form", "status", "confirm.repeal"))
			.andExpect(content().string(containsString("确认废止此文件")));
		assertThat(jdbc.queryForObject("select status from policy_document where id = ?", String.class, parent)).isEqualTo("IN_FORCE");
		mvc.perform(repeal.param("confirmed", "true")).andExpect(flash().attribute("success", "flash.saved"));
		assertThat(jdbc.queryForObject("select status from policy_document where id = ?", String.class, parent)).isEqualTo("REPEALED");
	}

	private int links(long child) {
		return jdbc.queryForObject("select count(*) from policy_document_parent where document_id = ?", Integer.class, child);
	}

	private long create(String username, String title, String issuer, String number, String region) throws Exception {
		String location = mvc.perform(post("/documents").with(accounts.as(username)).with(csrf()).param("title", title)
			.param("issuer", issuer).param("docNumber", number).param("level", region.endsWith("00") ? "CITY" : "COUNTY")
			.param("regionCode", region).param("status", "IN_FORCE").param("issueDate", "2017-06-13"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
