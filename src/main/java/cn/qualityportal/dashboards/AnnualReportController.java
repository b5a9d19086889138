package cn.qualityportal.dashboards;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A region's annual report, as a printable page and as PDF, for readers whose scope covers the region. */
@Controller
class AnnualReportController {

	private final AnnualReport reports;

	private final AnnualReportPdf pdf;

	private final Regions regions;

	private final org.springframework.context.MessageSource messages;

	AnnualReportController(AnnualReport reports, AnnualReportPdf pdf, Regions regions,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.reports = reports;
		this.pdf = pdf;
		this.regions = regions;
	}

	@GetMapping("/reports/{code}/{year}")
	String show(@PathVariable String code, @PathVariable int year, DataScope scope, Model model) {
		model.addAttribute("report", content(code, year, scope));
		return "dashboards/report";
	}

	@GetMapping("/reports/{code}/{year}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable int year, DataScope scope) {
		byte[] document = pdf.render(content(code, year, scope), LocaleContextHolder.getLocale());
		String name = regions.find(code).map(Regions.RegionOption::name).orElse(code);
		return UploadedFiles.attachment(messages.getMessage("download.annualReport", new Object[] { name, "" + year },
				LocaleContextHolder.getLocale()) + ".pdf", "annual-report-" + code + "-" + year + ".pdf", "application/pdf",
				document);
	}

	private AnnualReport.Content content(String code, int year, DataScope scope) {
		if (year < 1949 || year > 2100) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "progress.yearInvalid");
		}
		if (!scope.covers(code)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		Regions.RegionOption region = regions.find(code).orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		return reports.of(region, year, scope);
	}

}
