package cn.qualityportal.documents;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** A document as the form and the API post it; {@code version} is the one the user saw. */
record DocumentForm(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200) String issuer,
		@Size(max = 100) String docNumber, @NotNull DocumentLevel level,
		@NotBlank @Pattern(regexp = "\\d{6}", message = "{validation.regionCode}") String regionCode,
		@DateTimeFormat(iso = ISO.DATE) LocalDate issueDate, @DateTimeFormat(iso = ISO.DATE) LocalDate effectiveFrom,
		@DateTimeFormat(iso = ISO.DATE) LocalDate effectiveTo, @NotNull DocumentStatus status,
		@DateTimeFormat(iso = ISO.DATE) LocalDate repealedOn, Long supersededById,
		@Size(max = 2_000_000) String fullText, Long version) {

	static DocumentForm empty(String regionCode, DocumentLevel level) {
		return new DocumentForm("", "", "", level, regionCode, null, null, null, DocumentStatus.DRAFT,
				null, null, "", null);
	}

	/** The level of a document issued by a region of {@code level} (a town's follows its county's). */
	static DocumentLevel levelOf(cn.qualityportal.organisation.RegionLevel level) {
		return switch (level) {
			case NATIONAL -> DocumentLevel.NATIONAL;
			case PROVINCE -> DocumentLevel.PROVINCIAL;
			case CITY -> DocumentLevel.CITY;
			case COUNTY, TOWN -> DocumentLevel.COUNTY;
		};
	}

	static DocumentForm of(PolicyDocument document) {
		return new DocumentForm(document.getTitle(), document.getIssuer(), document.getDocNumber(), document.getLevel(),
				document.getRegionCode(), document.getIssueDate(), document.getEffectiveFrom(),
				document.getEffectiveTo(), document.getStatus(), document.getRepealedOn(),
				document.getSupersededById(), document.getFullText(), document.getVersion());
	}

}
