package cn.qualityportal.extraction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/extraction: its exact JSON shape, who may call it, and the inputs it refuses. */
@SpringBootTest
@AutoConfigureMockMvc
class ExtractionApiTests {

	static final String TEXT = "关于加快质量发展的意见\n到2020年，全区产品质量监督抽查合格率稳定在95%以上，新增名牌产品3个，质量损失率大幅下降。";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@org.junit.jupiter.api.BeforeEach
	void office() {
		accounts.member("extraction-office", "450600", true, cn.qualityportal.organisation.Role.OFFICE);
	}

	@Test
	void answersTheDocumentTargetsAndQualitativeStatementsWithOffsets() throws Exception {
		mvc.perform(post("/api/v1/extraction").with(httpBasic("extraction-office", TestAccounts.PASSWORD))
			.contentType("text/plain; charset=UTF-8")
			.content(TEXT.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.document.title").value("关于加快质量发展的意见"))
			.andExpect(jsonPath("$.document.cites").isArray())
			.andExpect(jsonPath("$.targets[0].indicator").value("全区产品质量监督抽查合格率"))
			.andExpect(jsonPath("$.targets[0].comparator").value(">="))
			.andExpect(jsonPath("$.targets[0].value").value(95))
			.andExpect(jsonPath("$.targets[0].valueMax").isEmpty())
			.andExpect(jsonPath("$.targets[0].unit").value("%"))
			.andExpect(jsonPath("$.targets[0].year").value(2020))
			.andExpect(jsonPath("$.targets[0].increment").value(false))
			.andExpect(jsonPath("$.targets[0].quote").value("全区产品质量监督抽查合格率稳定在95%以上"))
			.andExpect(jsonPath("$.targets[0].start").value(TEXT.indexOf("全区")))
			.andExpect(jsonPath("$.targets[0].end").value(TEXT.indexOf("以上") + 2))
			.andExpect(jsonPath("$.targets[1].increment").value(true))
			.andExpect(jsonPath("$.qualitative[0].indicator").value("质量损失率"))
			.andExpect(jsonPath("$.qualitative[0].direction").value("down"));
	}

	@Test
	void acceptsGb18030TextAndDocxFiles() throws Exception {
		accounts.account("extraction-office", Role.OFFICE);
		mvc.perform(post("/api/v1/extraction").with(httpBasic("extraction-office", TestAccounts.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.content(TEXT.getBytes("GB18030")))
			.andExpect(jsonPath("$.targets[0].value").value(95));
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("到2025年，服务业标准化试点5家以上。");
			document.write(docx);
		}
		mvc.perform(multipart("/api/v1/extraction")
			.file(new MockMultipartFile("file", "方案.docx", "application/octet-stream", docx.toByteArray()))
			.with(httpBasic("extraction-office", TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.targets[0].indicator").value("服务业标准化试点"))
			.andExpect(jsonPath("$.targets[0].year").value(2025));
	}

	@Test
	void onlyTheOfficeAndAdministratorsMayExtract() throws Exception {
		accounts.account("extraction-reporter", Role.REPORTER);
		mvc.perform(post("/api/v1/extraction").with(httpBasic("extraction-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN).content(TEXT))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/extraction").contentType(MediaType.TEXT_PLAIN).content(TEXT))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesEmptyTextBinaryJunkAndHugeTextWithProblemDetails() throws Exception {
		mvc.perform(post("/api/v1/extraction").with(httpBasic("extraction-office", TestAccounts.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN).content("   \n  "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("没有可识别的文字：文本为空。"));
		byte[] junk = new byte[4096];
		new java.util.Random(7).nextBytes(junk);
		junk[10] = 0;
		mvc.perform(post("/api/v1/extraction").with(httpBasic("extraction-office", TestAccounts.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN).content(junk))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("提交的内容不是文本（含二进制数据）。"));
		byte[] huge = "质量".repeat(5 * 1024 * 1024 / 6).getBytes(StandardCharsets.UTF_8);
		mvc.perform(post("/api/v1/extraction").with(httpBasic("extraction-office", TestAccounts.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN).content(huge))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.status").value(413));
	}

	@Test
	void refusesARenamedFileAndAZipBombDisguisedAsDocx() throws Exception {
		mvc.perform(multipart("/api/v1/extraction")
			.file(new MockMultipartFile("file", "renamed.docx", "application/octet-stream", TEXT.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("extraction-office", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("文件不是有效的 .docx（可能已损坏、被改名或是压缩炸弹）。"));
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] spaces = new byte[1024 * 1024];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 200; i++) {
				zip.write(spaces);
			}
		}
		mvc.perform(multipart("/api/v1/extraction")
			.file(new MockMultipartFile("file", "bomb.docx", "application/octet-stream", bomb.toByteArray()))
			.with(httpBasic("extraction-office", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/extraction")
			.file(new MockMultipartFile("file", "notes.odt", "application/octet-stream", new byte[] { 1, 2, 3 }))
			.with(httpBasic("extraction-office", TestAccounts.PASSWORD)))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(multipart("/api/v1/extraction")
			.file(new MockMultipartFile("file", "fake.pdf", "application/pdf", TEXT.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("extraction-office", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("文件不是有效的 .pdf。"));
	}

}
