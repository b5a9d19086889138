package cn.qualityportal.dashboards;

import java.util.List;
import java.util.Locale;

import cn.qualityportal.progress.TargetStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' target rows are kept once rendered, keyed by everything they show: a changed
 * figure, status or name is a new row, never the kept one (#18).
 */
class TargetRowsTests {

	private final TargetRows rows = new TargetRows(engine());

	static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	private static TargetLine line(String name, String latest, TargetStatus status, String label) {
		return new TargetLine(name, "/dashboards/indicators/7?year=2024&submitted=false", "东兴市",
				"/dashboards/regions/450681?year=2024&submitted=false", "防政发〔2016〕1号", "/dashboards/documents/3?year=2024&submitted=false",
				"≥ 96%", "到 2025 年", latest, "(2024)", "1.0,19.0 79.0,1.0", "97%", status, label, "说明");
	}

	@Test
	void aChangedFigureOrStatusIsRenderedAnewNotTakenFromTheKeptRow() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String before = rows.html(List.of(line("合格率", "95.1%", TargetStatus.ON_TRACK, "正常推进")), false, true);
		String after = rows.html(List.of(line("合格率", "96.2%", TargetStatus.ACHIEVED, "已达成")), false, true);
		assertThat(before).contains("95.1%", "status-ON_TRACK", "正常推进").doesNotContain("96.2%");
		assertThat(after).contains("96.2%", "status-ACHIEVED", "已达成").doesNotContain("95.1%", "正常推进");
		assertThat(rows.html(List.of(line("合格率", "95.1%", TargetStatus.ON_TRACK, "正常推进")), false, true)).isEqualTo(before);
	}

	/** The rows of one call share one expression context (TargetRows.html): each still shows its own line. */
	@Test
	void rowsRenderedTogetherEachShowTheirOwnLine() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String html = rows.html(List.of(line("合格率", "95.1%", TargetStatus.ON_TRACK, "正常推进"),
				line("抽检率", "88.8%", TargetStatus.OFF_TRACK, "进度滞后"), line("覆盖率", "77.7%", TargetStatus.ACHIEVED, "已达成")), false, true);
		assertThat(html.split("<tr", -1)).hasSize(4);
		assertThat(html.indexOf("合格率")).isLessThan(html.indexOf("95.1%"));
		assertThat(html.indexOf("95.1%")).isLessThan(html.indexOf("抽检率"));
		assertThat(html.indexOf("抽检率")).isLessThan(html.indexOf("88.8%"));
		assertThat(html.indexOf("88.8%")).isLessThan(html.indexOf("status-OFF_TRACK"));
		assertThat(html.indexOf("status-OFF_TRACK")).isLessThan(html.indexOf("覆盖率"));
		assertThat(html.indexOf("覆盖率")).isLessThan(html.indexOf("77.7%"));
	}

	@Test
	void namesAreEscapedAndTheColumnsFollowTheTable() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String html = rows.html(List.of(line("<b>合格率</b>", "95.1%", TargetStatus.ON_TRACK, "正常推进")), false, true);
		assertThat(html).contains("&lt;b&gt;合格率&lt;/b&gt;").doesNotContain("<b>");
		assertThat(html).contains("防政发〔2016〕1号", "data-label=\"政策文件\"").doesNotContain("东兴市");
		String withRegion = rows.html(List.of(line("合格率", "95.1%", TargetStatus.ON_TRACK, "正常推进")), true, false);
		assertThat(withRegion).contains("东兴市").doesNotContain("防政发〔2016〕1号");
	}

	@Test
	void thePhoneCardLabelsAreInTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String english = rows.html(List.of(line("合格率", "95.1%", TargetStatus.ON_TRACK, "On track")), false, true);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String chinese = rows.html(List.of(line("合格率", "95.1%", TargetStatus.ON_TRACK, "On track")), false, true);
		assertThat(chinese).contains("data-label=\"政策文件\"");
		assertThat(english).doesNotContain("data-label=\"政策文件\"").isNotEqualTo(chinese);
	}

}
