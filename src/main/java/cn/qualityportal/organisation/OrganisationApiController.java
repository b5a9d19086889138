package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import cn.qualityportal.system.ListTotals;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regions and departments over JSON, with the same rules as the pages: everyone reads what their
 * scope may see (their regions and those above), only system administrators change anything.
 */
@RestController
@RequestMapping("/api/v1")
class OrganisationApiController {

	private final RegionRepository regions;

	private final RegionCatalogue catalogue;

	private final DepartmentRepository departments;

	private final RegionEditor regionEditor;

	private final DepartmentEditor departmentEditor;

	OrganisationApiController(RegionRepository regions, RegionCatalogue catalogue, DepartmentRepository departments,
			RegionEditor regionEditor, DepartmentEditor departmentEditor) {
		this.regions = regions;
		this.catalogue = catalogue;
		this.departments = departments;
		this.regionEditor = regionEditor;
		this.departmentEditor = departmentEditor;
	}

	@GetMapping("/regions")
	@Transactional(readOnly = true)
	List<RegionView> regions(DataScope scope) {
		return regions.findAllByOrderByCode()
			.stream()
			.filter(region -> scope.canSee(region.getCode()))
			.map(RegionView::of)
			.toList();
	}

	/** The official list of divisions (GB/T 2260) by name or code prefix, to pick a new region's code from. */
	@GetMapping("/regions/catalogue")
	ResponseEntity<List<RegionCatalogue.Entry>> catalogue(@RequestParam(defaultValue = "") String q) {
		List<RegionCatalogue.Entry> matches = q.length() > 50 ? List.of() : catalogue.search(q, catalogue.size());
		return ResponseEntity.ok()
			.header(ListTotals.HEADER, String.valueOf(matches.size()))
			.body(matches.subList(0, Math.min(matches.size(), 200)));
	}

	@GetMapping("/regions/{code}")
	@Transactional(readOnly = true)
	RegionView region(@PathVariable String code, DataScope scope) {
		return regions.findById(code).filter(region -> scope.canSee(region.getCode())).map(RegionView::of).orElseThrow(
				() -> new Refusal.NotFound());
	}

	@PostMapping("/regions")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<RegionView> createRegion(@Valid @RequestBody RegionForm form, BindingResult result)
			throws BindException {
		Region region = regionEditor.create(form, result);
		throwIfInvalid(result);
		return ResponseEntity.created(URI.create("/api/v1/regions/" + region.getCode())).body(RegionView.of(region));
	}

	@PutMapping("/regions/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	RegionView updateRegion(@PathVariable String code, @Valid @RequestBody RegionForm form, BindingResult result)
			throws BindException {
		Region region = regionEditor.update(code, form, result);
		throwIfInvalid(result);
		return RegionView.of(region);
	}

	@GetMapping("/departments")
	@Transactional(readOnly = true)
	ResponseEntity<List<DepartmentView>> departments(@RequestParam(defaultValue = "") String regionCode,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, DataScope scope) {
		List<DepartmentView> visible = departments.search(regionCode, q.strip(), PageRequest.of(Math.max(page, 0), 200))
			.stream()
			.filter(department -> scope.canSee(department.getRegion().getCode()))
			.map(DepartmentView::of)
			.toList();
		// The scope is applied after paging, so the total counts the visible departments of every page.
		long total = departments.search(regionCode, q.strip(), Pageable.unpaged())
			.stream()
			.filter(department -> scope.canSee(department.getRegion().getCode()))
			.count();
		return ResponseEntity.ok().header(ListTotals.HEADER, String.valueOf(total)).body(visible);
	}

	@GetMapping("/departments/{id}")
	@Transactional(readOnly = true)
	DepartmentView department(@PathVariable long id, DataScope scope) {
		return departments.findById(id)
			.filter(department -> scope.canSee(department.getRegion().getCode()))
			.map(DepartmentView::of)
			.orElseThrow(() -> new Refusal.NotFound());
	}

	@PostMapping("/departments")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody DepartmentForm form, BindingResult result)
			throws BindException {
		Department department = departmentEditor.create(form, result);
		throwIfInvalid(result);
		return ResponseEntity.created(URI.create("/api/v1/departments/" + department.getId()))
			.body(DepartmentView.of(department));
	}

	@PutMapping("/departments/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	DepartmentView updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentForm form,
			BindingResult result) throws BindException {
		Department department = departmentEditor.update(id, form, result);
		throwIfInvalid(result);
		return DepartmentView.of(department);
	}

	/** The API's problem-detail handler turns these into 400 (field errors) or 409 (a stale version). */
	private static void throwIfInvalid(BindingResult result) throws BindException {
		if (result.hasErrors()) {
			throw new BindException(result);
		}
	}

	record RegionView(String code, String name, RegionLevel level, String parentCode, boolean active, long version) {

		static RegionView of(Region region) {
			return new RegionView(region.getCode(), region.getName(), region.getLevel(),
					region.getParent() == null ? null : region.getParent().getCode(), region.isActive(),
					region.getVersion());
		}

	}

	record DepartmentView(long id, String regionCode, String regionName, String name, String shortName,
			DepartmentKind kind, boolean active, long version) {

		static DepartmentView of(Department department) {
			return new DepartmentView(department.getId(), department.getRegion().getCode(),
					department.getRegion().getName(), department.getName(), department.getShortName(),
					department.getKind(), department.isActive(), department.getVersion());
		}

	}

}
