package cn.qualityportal.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qualityportal.documents.DocumentNumbers;
import cn.qualityportal.extraction.Extraction.Citation;
import cn.qualityportal.extraction.Extraction.DocumentMetadata;

/**
 * Proposes a document's title, issuer, number (文号), date and the documents it cites, from the
 * layout such documents share: a title line 关于…的通知/意见/决定 near the top, the issuing body on
 * a line of its own beside the date line, the number in 〔year〕 form, citations in 《》 followed
 * by their number in brackets. Web-page leftovers around the text are skipped.
 */
final class DocumentMetadataReader {

	private static final Pattern TITLE = Pattern
		.compile("^.{0,60}关于.{2,100}的(通知|意见|决定|实施意见|方案|实施方案|规划|纲要|办法|行动计划|计划|报告|批复|函|若干措施|指导意见)$");

	private static final Pattern IMPLIED_TITLE = Pattern.compile("现就(.{2,40}?)(提出如下|提出以下|作出如下|作出以下)(意见|决定)");

	private static final Pattern ISSUER = Pattern
		.compile("^[\\p{IsHan}]{2,30}(人民政府|人民政府办公室|人民政府办公厅|委员会|办公室|办公厅|领导小组|管理局|监督管理局|局)$");

	private static final Pattern DATE_LINE = Pattern.compile("^((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");

	private static final Pattern NUMBER = Pattern.compile("[\\p{IsHan}]{1,12}[〔\\[(]\\s*(?:19|20)\\d{2}\\s*[〕\\])]\\s*\\d{1,5}\\s*号");

	private static final Pattern CITATION = Pattern.compile("《([^《》]{2,80})》\\s*(?:\\(([^()]{3,40}?号)\\))?");

	private DocumentMetadataReader() {
	}

	static DocumentMetadata read(String text) {
		List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		String title = null;
		for (int i = 0; i < Math.min(lines.size(), 30) && title == null; i++) {
			if (TITLE.matcher(lines.get(i)).matches() && lines.get(i).length() <= 120) {
				title = lines.get(i);
			}
		}
		if (title == null) {
			Matcher implied = IMPLIED_TITLE.matcher(text);
			if (implied.find()) {
				title = "关于" + implied.group(1) + "的" + implied.group(3);
			}
		}
		String issuer = null;
		String date = null;
		for (int i = 0; i < lines.size(); i++) {
			Matcher dateLine = DATE_LINE.matcher(lines.get(i));
			if (dateLine.matches()) {
				if (date == null) {
					date = "%s-%02d-%02d".formatted(dateLine.group(1), Integer.parseInt(dateLine.group(2)),
							Integer.parseInt(dateLine.group(3)));
				}
				if (issuer == null && i > 0 && ISSUER.matcher(lines.get(i - 1)).matches()) {
					issuer = lines.get(i - 1);
				}
			}
		}
		Matcher number = NUMBER.matcher(text);
		String docNumber = number.find() ? DocumentNumbers.normalise(number.group()) : null;
		return new DocumentMetadata(title, issuer, docNumber, date, citations(text, title));
	}

	private static List<Citation> citations(String text, String ownTitle) {
		Map<String, Citation> citations = new LinkedHashMap<>();
		Matcher citation = CITATION.matcher(text);
		while (citation.find()) {
			String cited = citation.group(1).strip();
			if (ownTitle != null && ownTitle.contains("《" + cited + "》")) {
				continue; // the document the notice issues, not a parent
			}
			String number = citation.group(2) == null ? null : DocumentNumbers.normalise(citation.group(2));
			Citation known = citations.get(cited);
			if (known == null || known.docNumber() == null && number != null) {
				citations.put(cited, new Citation(cited, number));
			}
		}
		return new ArrayList<>(citations.values());
	}

}
