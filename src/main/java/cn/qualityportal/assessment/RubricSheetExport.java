package cn.qualityportal.assessment;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.qualityportal.assessment.RubricScore.Kind;
import cn.qualityportal.spreadsheets.FormWorkbook;
import cn.qualityportal.spreadsheets.Workbooks;
import cn.qualityportal.system.Times;
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
 * A region's score sheet (考核评分表) as offices print it: one row per item with its category,
 * points, the district's score, the office's score and the explanation and reason; then the sums,
 * caps, veto, total, grade and rank. As PDF (A4 landscape, the bundled CJK font embedded as a
 * subset, like the annual report) and as xlsx; and the ranking table as xlsx.
 */
@Component
class RubricSheetExport {

	private final MessageSource messages;

	private final byte[] font;

	RubricSheetExport(MessageSource messages) {
		this.messages = messages;
		try (InputStream in = new ClassPathResource("fonts/DroidSansFallback.ttf").getInputStream()) {
			this.font = in.readAllBytes();
		}
		catch (IOException missing) {
			throw new UncheckedIOException("the CJK font of the score sheet is missing", missing);
		}
	}

	byte[] pdf(Rubrics.Sheet sheet, Rubrics.Standing standing, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 40, 40);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		BaseFont base;
		try {
			base = BaseFont.createFont("DroidSansFallback.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		Style title = new Style(base, 16, Font.BOLD);
		Style text = new Style(base, 9, Font.NORMAL);
		Style bold = new Style(base, 9, Font.BOLD);
		String heading = message("rubric.sheetOf", locale, sheet.regionName(), String.valueOf(sheet.rubric().year()));
		document.addTitle(heading);
		document.addCreator(message("app.name", locale));
		document.open();
		Paragraph head = new Paragraph(title.phrase(heading));
		head.setAlignment(Element.ALIGN_CENTER);
		document.add(head);
		document.add(new Paragraph(text.phrase(status(sheet, locale))));

		List<String> header = header(locale);
		PdfPTable table = new PdfPTable(new float[] { 2.2f, 4.5f, 1, 1.1f, 1.1f, 4.5f, 4.5f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(8);
		table.setHeaderRows(1);
		for (String column : header) {
			PdfPCell cell = new PdfPCell(bold.phrase(column));
			cell.setBackgroundColor(new Color(0xe9, 0xec, 0xef));
			table.addCell(cell);
		}
		for (List<Object> row : rows(sheet, locale)) {
			for (int c = 0; c < row.size(); c++) {
				Object value = row.get(c);
				PdfPCell cell = new PdfPCell(text.phrase(value == null ? "" : value instanceof BigDecimal number
						? number.toPlainString() : value.toString()));
				if (c >= 2 && c <= 4) {
					cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
				}
				table.addCell(cell);
			}
		}
		document.add(table);
		for (String line : summary(sheet, standing, locale)) {
			document.add(new Paragraph(bold.phrase(line)));
		}
		document.close();
		writer.close();
		return out.toByteArray();
	}

	byte[] xlsx(Rubrics.Sheet sheet, Rubrics.Standing standing, Locale locale) {
		List<List<Object>> rows = new ArrayList<>(rows(sheet, locale));
		rows.add(List.of());
		for (String line : summary(sheet, standing, locale)) {
			rows.add(List.of(line));
		}
		return FormWorkbook.readOnly(List.of(new Workbooks.Sheet(sheet.regionName(), header(locale), rows)), 2,
				message("export.about.sheet", locale), about(sheet.rubric(), sheet.regionName(), locale));
	}

	byte[] rankingXlsx(Rubrics.Results results, Locale locale) {
		List<String> header = List.of(message("dashboard.rank", locale), message("document.region", locale),
				message("rubric.criteriaSum", locale), message("rubric.bonus", locale), message("rubric.deduction", locale),
				message("rubric.total", locale), message("rubric.grade", locale), message("rubric.veto", locale),
				message("assessment.movement", locale));
		List<List<Object>> rows = new ArrayList<>();
		for (Rubrics.Standing row : results.rows()) {
			List<Object> cells = new ArrayList<>();
			cells.add(row.rank());
			cells.add(row.regionName());
			if (row.result() != null) {
				cells.add(row.result().criteria());
				cells.add(row.result().bonus());
				cells.add(row.result().deduction());
				cells.add(row.result().total());
				cells.add(message("rubric.grade." + row.result().grade(), locale));
				cells.add(row.result().vetoed() ? message("rubric.yes", locale) : message("rubric.no", locale));
				cells.add(row.movement());
			}
			else {
				cells.add(message("rubric.status." + row.status(), locale));
			}
			rows.add(cells);
		}
		return FormWorkbook.readOnly(List.of(new Workbooks.Sheet(message("rubric.ranking", locale), header, rows)), 2,
				message("export.about.sheet", locale), about(results.rubric(), results.rubric().parentName(), locale));
	}

	/** The 说明 sheet: what the scores are, by which rules, as of when, and that the file is for reading. */
	private List<String> about(Rubric rubric, String regionName, Locale locale) {
		List<String> about = new ArrayList<>();
		about.add(message("export.about.rubric", locale, regionName, String.valueOf(rubric.year())));
		about.add(message("export.about.exported", locale,
				Times.format(java.time.Instant.now(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
		about.add(message("export.about.readOnly", locale));
		return about;
	}

	private List<String> header(Locale locale) {
		return List.of(message("rubric.category", locale), message("rubric.item", locale), message("rubric.points", locale),
				message("rubric.selfScore", locale), message("rubric.reviewScore", locale),
				message("rubric.explanation", locale), message("rubric.reviewReason", locale));
	}

	private List<List<Object>> rows(Rubrics.Sheet sheet, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (Rubrics.Line line : sheet.lines()) {
			Rubric.Item item = line.item();
			List<Object> row = new ArrayList<>();
			row.add(item.category());
			row.add(item.title());
			if (item.kind() == Kind.VETO) {
				row.add(message("rubric.kind.VETO", locale));
				row.add("");
				row.add(line.vetoed() == null ? "" : message(line.vetoed() ? "rubric.vetoed" : "rubric.notVetoed", locale));
			}
			else {
				row.add(item.points());
				row.add(line.selfScore());
				row.add(line.reviewScore());
			}
			row.add(explanation(line, locale));
			row.add(line.reviewReason() == null ? "" : line.reviewReason());
			rows.add(row);
		}
		return rows;
	}

	/** The district's explanation; for automatic criteria the portal's sum, which the page lists line by line. */
	private String explanation(Rubrics.Line line, Locale locale) {
		String own = line.explanation() == null ? "" : line.explanation();
		Rubrics.Detail detail = line.detail();
		if (detail == null) {
			return own;
		}
		String automatic = detail.reporting() != null
				? message("rubric.auto.punctuality", locale, detail.reporting().late(), detail.reporting().missing(),
						detail.reporting().returned(), detail.deductions())
				: message("rubric.auto.targets", locale, detail.targets().size());
		return own.isEmpty() ? automatic : automatic + " " + own;
	}

	private String status(Rubrics.Sheet sheet, Locale locale) {
		String status = message("rubric.status." + sheet.status(), locale);
		if (sheet.confirmedBy() != null) {
			status += " · " + message("rubric.confirmedBy", locale, sheet.confirmedBy(), sheet.confirmedAt());
		}
		if (sheet.rubric().published()) {
			status += " · " + message("rubric.publishedNote", locale, sheet.rubric().publishedAt(), sheet.rubric().publishedBy());
		}
		return status;
	}

	private List<String> summary(Rubrics.Sheet sheet, Rubrics.Standing standing, Locale locale) {
		List<String> lines = new ArrayList<>();
		RubricScore.Result self = sheet.self();
		lines.add(message("rubric.selfTotal", locale, self.total().toPlainString()));
		RubricScore.Result reviewed = sheet.reviewed();
		if (reviewed != null) {
			lines.add(message("rubric.resultLine", locale, reviewed.criteria().toPlainString(), reviewed.bonus().toPlainString(),
					sheet.rubric().bonusCap().toPlainString(), reviewed.deduction().toPlainString(),
					sheet.rubric().deductionCap().toPlainString(), reviewed.total().toPlainString()));
			lines.add(message(reviewed.vetoed() ? "rubric.gradeVetoed" : "rubric.gradeLine", locale,
					message("rubric.grade." + reviewed.grade(), locale), message("rubric.grade." + reviewed.scoreGrade(), locale)));
		}
		if (standing != null && standing.rank() != null) {
			lines.add(message("rubric.rankLine", locale, standing.rank()));
		}
		return lines;
	}

	/** Latin in Helvetica, Chinese in the embedded font, as in the annual report. */
	private record Style(BaseFont cjk, float size, int style) {

		Phrase phrase(String content) {
			FontSelector selector = new FontSelector();
			selector.addFont(new Font(Font.HELVETICA, size, style, Color.BLACK));
			selector.addFont(new Font(cjk, size, style, Color.BLACK));
			return selector.process(content == null ? "" : content);
		}

	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
