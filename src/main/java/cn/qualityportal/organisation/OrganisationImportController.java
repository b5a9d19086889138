package cn.qualityportal.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import cn.qualityportal.spreadsheets.ImportProblem;
import cn.qualityportal.spreadsheets.ImportReport;
import cn.qualityportal.spreadsheets.ImportTable;
import cn.qualityportal.spreadsheets.SpreadsheetException;
import cn.qualityportal.spreadsheets.Spreadsheets;
import cn.qualityportal.system.UploadedFiles;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload of a region or department table; shows the per-row report, also as a CSV download. */
@Controller
@RequestMapping("/admin/organisation/import")
@PreAuthorize("hasRole('ADMIN')")
class OrganisationImportController {

	static final long MAX_BYTES = 5L * 1024 * 1024;

	private static final String REPORT = "organisationImportReport";

	private final OrganisationImport importer;

	private final MessageSource messages;

	OrganisationImportController(OrganisationImport importer, MessageSource messages) {
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping
	String showForm(Model model) {
		model.addAttribute("kinds", OrganisationImport.Kind.values());
		return "organisation/import";
	}

	@PostMapping
	String upload(@RequestParam OrganisationImport.Kind kind, @RequestParam("file") MultipartFile file, Model model,
			HttpSession session, RedirectAttributes redirect) {
		ImportReport outcome;
		try (InputStream content = file.getInputStream()) {
			outcome = importer.importRows(kind,
					Spreadsheets.read(file.getOriginalFilename(), content, MAX_BYTES, OrganisationImport.MAX_ROWS));
		}
		catch (SpreadsheetException ex) {
			outcome = ImportReport.refused(ImportProblem.ofFile(ex.messageKey(), ex.arguments()));
		}
		catch (IOException ex) {
			outcome = ImportReport.refused(ImportProblem.ofFile("spreadsheet.malformed"));
		}
		if (outcome.succeeded()) {
			session.removeAttribute(REPORT);
			redirect.addFlashAttribute("imported", new int[] { outcome.created(), outcome.updated() });
			redirect.addFlashAttribute("importedKind", kind);
			return "redirect:/admin/organisation/import";
		}
		session.setAttribute(REPORT, outcome.problems());
		model.addAttribute("kinds", OrganisationImport.Kind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("problems", outcome.problems());
		model.addAttribute("report", outcome);
		return "organisation/import";
	}

	/** The last failed import's problems, as CSV for Excel (UTF-8 with BOM). */
	@GetMapping("/report.csv")
	ResponseEntity<byte[]> report(HttpSession session, Locale locale) throws IOException {
		@SuppressWarnings("unchecked")
		List<ImportProblem> problems = (List<ImportProblem>) session.getAttribute(REPORT);
		byte[] csv = ImportTable.reportCsv(problems == null ? List.<ImportProblem>of() : problems, messages, locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					UploadedFiles.disposition(messages.getMessage("download.importReport", null, locale) + ".csv", "import-report.csv"))
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv);
	}

}
