package cn.qualityportal.dashboards;

import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The annual report: the PDF opens, shows Chinese in an embedded font, and says what the page says. */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class AnnualReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void thePdfOpensAndShowsChineseInAnEmbeddedFont() throws Exception {
		byte[] pdf = mvc.perform(get("/reports/450602/2019.pdf").with(user(users.loadUserByUsername("reporter-450602"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String page = mvc.perform(get("/reports/450602/2019").with(user(users.loadUserByUsername("reporter-450602"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("港口区 2019 年度质量目标进展报告", "总体情况", "需要关注的目标", "年度考核", "产品质量");
			var resources = document.getPage(0).getResources();
			java.util.List<PDFont> fonts = new java.util.ArrayList<>();
			for (var name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
			assertThat(fonts).anySatisfy(font -> {
				assertThat(font.getName()).contains("DroidSansFallback");
				assertThat(font.isEmbedded()).isTrue();
			});
			// The summary sentence of the page is in the PDF word for word.
			String summary = page.substring(page.indexOf("共 "), page.indexOf("。", page.indexOf("共 ")) + 1);
			assertThat(text.replaceAll("\\s+", "")).contains(summary.replaceAll("\\s+", ""));
		}
	}

	@Test
	void theCitysReportShowsItAsTheReferenceOfItsCountiesNeverRankedAlone() throws Exception {
		String page = mvc.perform(get("/reports/450600/2019").with(user(users.loadUserByUsername("leader"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// Issue #11, seen defect 9: "第 1 名（共 1 个地区）" in the city's own report.
		assertThat(page).doesNotContain("（共 1 个地区）").contains("防城港市 为参照，不与下级地区一同排名", "港口区", "东兴市");
	}

	@Test
	void anotherDistrictsReportIsRefused() throws Exception {
		mvc.perform(get("/reports/450603/2019.pdf").with(user(users.loadUserByUsername("reporter-450602"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/450603/2019").with(user(users.loadUserByUsername("reporter-450602"))))
			.andExpect(status().isForbidden());
	}

}
