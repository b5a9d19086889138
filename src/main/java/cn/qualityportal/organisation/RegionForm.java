package cn.qualityportal.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the region form posts; {@code version} is the one the user saw, for the conflict check. */
record RegionForm(@NotBlank @Pattern(regexp = "\\d{6}", message = "{validation.regionCode}") String code,
		@NotBlank @Size(max = 100) String name, @NotNull RegionLevel level,
		@Pattern(regexp = "(\\d{6})?", message = "{validation.regionCode}") String parentCode, Long version) {

	static RegionForm empty() {
		return new RegionForm("", "", RegionLevel.COUNTY, "", null);
	}

	static RegionForm of(Region region) {
		return new RegionForm(region.getCode(), region.getName(), region.getLevel(),
				region.getParent() == null ? "" : region.getParent().getCode(), region.getVersion());
	}

	/** A new region as the official list has it; a province's parent is the country. */
	static RegionForm of(RegionCatalogue.Entry entry) {
		return new RegionForm(entry.code(), entry.name(), entry.level(),
				entry.parentCode() == null ? RegionCatalogue.NATIONAL_CODE : entry.parentCode(), null);
	}

	boolean hasParent() {
		return parentCode != null && !parentCode.isBlank();
	}

}
