package cn.qualityportal.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region tree as other modules see it: data scopes and the choices for region and department fields. */
@Service
public class Regions {

	private final JdbcClient jdbc;

	private final RegionRepository regions;

	private final DepartmentRepository departments;

	Regions(JdbcClient jdbc, RegionRepository regions, DepartmentRepository departments) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.departments = departments;
	}

	/**
	 * The scope of an account of this unit: two recursive queries, once per request. Without a
	 * unit only a system administrator sees anything (the whole tree).
	 */
	@Transactional(readOnly = true)
	public DataScope scopeOf(Unit unit, boolean includeSubregions, boolean administrator) {
		if (unit == null) {
			return administrator ? DataScope.EVERYTHING : DataScope.NOTHING;
		}
		Set<String> own = includeSubregions ? new HashSet<>(jdbc.sql("""
				with recursive below (code) as (
				    select code from region where code = :root
				    union all
				    select r.code from region r join below b on r.parent_code = b.code)
				select code from below""").param("root", unit.regionCode()).query(String.class).list())
				: Set.of(unit.regionCode());
		Set<String> above = new HashSet<>(jdbc.sql("""
				with recursive above (code, parent_code) as (
				    select code, parent_code from region where code = :root
				    union all
				    select r.code, r.parent_code from region r join above a on r.code = a.parent_code)
				select code from above where code <> :root""").param("root", unit.regionCode()).query(String.class).list());
		return new DataScope(false, own, above);
	}

	/** Active regions inside the scope, for select fields. */
	@Transactional(readOnly = true)
	public List<RegionOption> optionsWithin(DataScope scope) {
		return regions.findActive()
			.stream()
			.filter(region -> scope.covers(region.getCode()))
			.map(Regions::option)
			.toList();
	}

	/** Active regions the scope may read (its own, below and above), for filters. */
	@Transactional(readOnly = true)
	public List<RegionOption> visibleOptions(DataScope scope) {
		return regions.findActive()
			.stream()
			.filter(region -> scope.canSee(region.getCode()))
			.map(Regions::option)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<DepartmentOption> departmentOptionsWithin(DataScope scope) {
		return departments.findActive()
			.stream()
			.filter(department -> scope.covers(department.getRegion().getCode()))
			.map(Regions::option)
			.toList();
	}

	/** Active departments the scope may read, for filters. */
	@Transactional(readOnly = true)
	public List<DepartmentOption> visibleDepartmentOptions(DataScope scope) {
		return departments.findActive()
			.stream()
			.filter(department -> scope.canSee(department.getRegion().getCode()))
			.map(Regions::option)
			.toList();
	}

	/**
	 * One region by code. One plain query, not the entity: every region page asks, and loading the
	 * entity through JPA was a tenth of the county's region page (issue 18's profile).
	 */
	public java.util.Optional<RegionOption> find(String code) {
		return jdbc.sql("select code, name, level, parent_code from region where code = :code")
			.param("code", code)
			.query((rs, row) -> new RegionOption(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
					rs.getString("parent_code")))
			.optional();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<DepartmentOption> department(long id) {
		return departments.findById(id).map(Regions::option);
	}

	/** Region names by code, for lists that show names. */
	@Transactional(readOnly = true)
	public java.util.Map<String, String> names() {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		jdbc.sql("select code, name from region").query((rs, row) -> names.put(rs.getString(1), rs.getString(2))).list();
		return names;
	}

	/** The regions directly below, e.g. the districts of a city for a cascade. */
	@Transactional(readOnly = true)
	public List<RegionOption> children(String code) {
		return jdbc.sql("select code, name, level, parent_code from region where parent_code = :code and active order by code")
			.param("code", code)
			.query((rs, row) -> new RegionOption(rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3)),
					rs.getString(4)))
			.list();
	}

	static RegionOption option(Region region) {
		return new RegionOption(region.getCode(), region.getName(), region.getLevel(),
				region.getParent() == null ? null : region.getParent().getCode());
	}

	static DepartmentOption option(Department department) {
		return new DepartmentOption(department.getId(), department.getName(), department.getRegion().getCode(),
				department.getRegion().getName());
	}

	public record RegionOption(String code, String name, RegionLevel level, String parentCode) {
	}

	public record DepartmentOption(long id, String name, String regionCode, String regionName) {
	}

}
