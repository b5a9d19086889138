package cn.qualityportal.dashboards;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The annual report as PDF (A4, OpenPDF). Chinese is set in the bundled Droid Sans Fallback font,
 * embedded as a subset of the glyphs used, so the file shows the same on any reader. The chart is
 * a bar per goal area, segments coloured by status as on the dashboards, with the table after it.
 */
@Component
class AnnualReportPdf {

	private final MessageSource messages;

	private final Explain explain;

	private final byte[] font;

	AnnualReportPdf(MessageSource messages, Explain explain) {
		this.messages = messages;
		this.explain = explain;
		try (InputStream in = new ClassPathResource("fonts/DroidSansFallback.ttf").getInputStream()) {
			this.font = in.readAllBytes();
		}
		catch (IOException missing) {
			throw new UncheckedIOException("the CJK font of the annual report is missing", missing);
		}
	}

	byte[] render(AnnualReport.Content report, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 56, 56);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		BaseFont base = baseFont();
		Style title = new Style(base, 18, Font.BOLD, Color.BLACK);
		Style heading = new Style(base, 13, Font.BOLD, Color.BLACK);
		Style text = new Style(base, 10, Font.NORMAL, Color.BLACK);
		Style small = new Style(base, 8, Font.NORMAL, Color.DARK_GRAY);
		document.addTitle(message("report.heading", locale, report.region().name(), String.valueOf(report.year())));
		document.addCreator(message("app.name", locale));
		document.open();

		document.add(paragraph(message("report.heading", locale, report.region().name(), String.valueOf(report.year())), title));
		document.add(paragraph(message("report.basis", locale, String.valueOf(report.year()), String.valueOf(report.targets())), small));
		document.add(paragraph(" ", text));

		document.add(paragraph(message("report.summary", locale), heading));
		document.add(paragraph(summary(report, locale), text));
		document.add(paragraph(" ", text));

		document.add(paragraph(message("dashboard.byArea", locale), heading));
		PdfPTable chart = new PdfPTable(new float[] { 2, 6 });
		chart.setWidthPercentage(100);
		chart.setSpacingBefore(6);
		for (Map.Entry<GoalArea, Map<TargetStatus, Integer>> area : report.byArea().entrySet()) {
			chart.addCell(borderless(text.phrase(message("area." + area.getKey(), locale))));
			chart.addCell(statusBar(area.getValue()));
		}
		document.add(chart);
		document.add(legend(text, locale));

		PdfPTable table = new PdfPTable(1 + TargetStatus.values().length);
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		table.addCell(header(message("dashboard.area", locale), small));
		for (TargetStatus status : TargetStatus.values()) {
			table.addCell(header(message("progress.status." + status, locale), small));
		}
		report.byArea().forEach((area, counts) -> {
			table.addCell(text.phrase(message("area." + area, locale)));
			for (TargetStatus status : TargetStatus.values()) {
				PdfPCell cell = new PdfPCell(text.phrase(String.valueOf(counts.getOrDefault(status, 0))));
				cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
				table.addCell(cell);
			}
		});
		document.add(table);
		document.add(paragraph(" ", text));

		document.add(paragraph(message("report.atRisk", locale), heading));
		if (report.atRisk().isEmpty()) {
			document.add(paragraph(message("report.noneAtRisk", locale), text));
		}
		else {
			PdfPTable risks = new PdfPTable(new float[] { 3, 1.3f, 6 });
			risks.setWidthPercentage(100);
			risks.setSpacingBefore(6);
			risks.setHeaderRows(1);
			risks.addCell(header(message("dashboard.indicator", locale), small));
			risks.addCell(header(message("common.status", locale), small));
			risks.addCell(header(message("dashboard.explanation", locale), small));
			for (ProgressRow row : report.atRisk()) {
				risks.addCell(text.phrase(row.indicatorName()));
				PdfPCell status = new PdfPCell(text.phrase(message("progress.status." + row.status(), locale)));
				status.setBackgroundColor(Color.decode(Charts.COLOURS.get(row.status())));
				risks.addCell(status);
				risks.addCell(small.phrase(explain.of(row.explanation())));
			}
			document.add(risks);
		}
		document.add(paragraph(" ", text));

		document.add(paragraph(message("report.assessment", locale), heading));
		if (report.assessment() == null && report.subregions().isEmpty()) {
			document.add(paragraph(message("assessment.notRanked", locale), text));
		}
		else if (report.assessment() == null) {
			document.add(paragraph(message("report.subregionsRanked", locale, report.region().name()), text));
			for (var row : report.subregions()) {
				document.add(paragraph(message("report.subregionRank", locale, row.rank(), row.score().regionName(),
						row.score().score()), text));
			}
			document.add(paragraph(message(report.assessmentPublished() ? "report.assessmentPublished"
					: "report.assessmentLive", locale), small));
		}
		else {
			var score = report.assessment().score();
			document.add(paragraph(message("assessment.summary", locale, report.assessment().rank(), report.ranked(),
					score.score(), score.base(), score.deductions()), text));
			document.add(paragraph(message(report.assessmentPublished() ? "report.assessmentPublished"
					: "report.assessmentLive", locale), small));
		}
		document.close();
		writer.close();
		return out.toByteArray();
	}

	private String summary(AnnualReport.Content report, Locale locale) {
		Map<TargetStatus, Integer> totals = report.totals();
		return message("report.summaryText", locale, report.targets(), totals.get(TargetStatus.ACHIEVED),
				totals.get(TargetStatus.ON_TRACK), totals.get(TargetStatus.NEEDS_ACCELERATION),
				totals.get(TargetStatus.OFF_TRACK), totals.get(TargetStatus.OVERDUE), totals.get(TargetStatus.NO_DATA));
	}

	/** One bar of status segments, as wide as the area's share of counts. */
	private static PdfPCell statusBar(Map<TargetStatus, Integer> counts) {
		int total = counts.values().stream().mapToInt(Integer::intValue).sum();
		float[] widths = new float[TargetStatus.values().length];
		for (TargetStatus status : TargetStatus.values()) {
			widths[status.ordinal()] = Math.max(0.0001f, counts.getOrDefault(status, 0));
		}
		PdfPTable bar = new PdfPTable(widths);
		bar.setWidthPercentage(100);
		for (TargetStatus status : TargetStatus.values()) {
			PdfPCell segment = new PdfPCell(new Phrase(" "));
			segment.setBorder(0);
			segment.setFixedHeight(10);
			if (counts.getOrDefault(status, 0) > 0 && total > 0) {
				segment.setBackgroundColor(Color.decode(Charts.COLOURS.get(status)));
			}
			bar.addCell(segment);
		}
		PdfPCell cell = new PdfPCell(bar);
		cell.setBorder(0);
		cell.setPadding(2);
		return cell;
	}

	private PdfPTable legend(Style text, Locale locale) {
		PdfPTable legend = new PdfPTable(TargetStatus.values().length * 2);
		legend.setWidthPercentage(100);
		legend.setSpacingBefore(4);
		Style small = new Style(text.cjk(), 7, Font.NORMAL, Color.BLACK);
		for (TargetStatus status : TargetStatus.values()) {
			PdfPCell swatch = new PdfPCell(new Phrase(" "));
			swatch.setBorder(0);
			swatch.setFixedHeight(8);
			swatch.setBackgroundColor(Color.decode(Charts.COLOURS.get(status)));
			legend.addCell(swatch);
			legend.addCell(borderless(small.phrase(message("progress.status." + status, locale))));
		}
		return legend;
	}

	private static Paragraph paragraph(String content, Style style) {
		Paragraph paragraph = new Paragraph();
		paragraph.add(style.phrase(content));
		return paragraph;
	}

	/**
	 * A size and weight of text: Latin letters and digits in Helvetica (every reader has it), all
	 * else (Chinese, ≥ …) in the embedded CJK font, which has no Latin glyphs of its own.
	 */
	private record Style(BaseFont cjk, float size, int style, Color colour) {

		Phrase phrase(String content) {
			FontSelector selector = new FontSelector();
			selector.addFont(new Font(Font.HELVETICA, size, style, colour));
			selector.addFont(new Font(cjk, size, style, colour));
			return selector.process(content == null ? "" : content);
		}

	}

	private static PdfPCell borderless(Phrase phrase) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(0);
		return cell;
	}

	private static PdfPCell header(String label, Style style) {
		PdfPCell cell = new PdfPCell(style.phrase(label));
		cell.setBackgroundColor(new Color(0xE9, 0xEC, 0xEF));
		return cell;
	}

	private BaseFont baseFont() {
		try {
			return BaseFont.createFont("DroidSansFallback.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
