package cn.qualityportal.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record DepartmentForm(@NotBlank @Pattern(regexp = "\\d{6}", message = "{validation.regionCode}") String regionCode,
		@NotBlank @Size(max = 100) String name, @Size(max = 30) String shortName, @NotNull DepartmentKind kind,
		Long version) {

	static DepartmentForm empty() {
		return new DepartmentForm("", "", "", DepartmentKind.MARKET_REGULATION, null);
	}

	static DepartmentForm of(Department department) {
		return new DepartmentForm(department.getRegion().getCode(), department.getName(), department.getShortName(),
				department.getKind(), department.getVersion());
	}

}
