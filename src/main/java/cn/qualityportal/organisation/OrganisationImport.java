package cn.qualityportal.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.qualityportal.spreadsheets.ImportColumn;
import cn.qualityportal.spreadsheets.ImportProblem;
import cn.qualityportal.spreadsheets.ImportReport;
import cn.qualityportal.spreadsheets.ImportTable;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports regions or departments from a table, all or nothing, through the import pipeline every
 * import shares ({@link ImportTable}, {@link ImportReport}): every row is checked first, and if
 * any row is wrong nothing is written and every problem is reported with its row and column.
 * Rows that name an existing region (by code) or department (by region and name) update it, so
 * importing the same file twice changes nothing the second time.
 */
@Service
class OrganisationImport {

	enum Kind {

		REGIONS, DEPARTMENTS

	}

	static final int MAX_ROWS = 20_000;

	private static final ImportColumn CODE = ImportColumn.required("code", "import.column.code", "代码", "区划代码");

	private static final ImportColumn NAME = ImportColumn.required("name", "import.column.name", "名称");

	private static final ImportColumn LEVEL = ImportColumn.required("level", "import.column.level", "级别", "层级");

	private static final ImportColumn PARENT = ImportColumn.optional("parent_code", "import.column.parent_code", "parent",
			"上级代码", "上级");

	private static final ImportColumn REGION = ImportColumn.required("region_code", "import.column.region_code", "region",
			"地区代码", "区划代码");

	private static final ImportColumn SHORT_NAME = ImportColumn.optional("short_name", "import.column.short_name", "简称");

	private static final ImportColumn KIND = ImportColumn.required("kind", "import.column.kind", "类别", "类型");

	private static final Map<String, ImportColumn> BY_KEY = Map.of("code", CODE, "name", NAME, "level", LEVEL,
			"parent_code", PARENT, "region_code", REGION, "short_name", SHORT_NAME, "kind", KIND);

	private static final Map<String, RegionLevel> LEVEL_ALIASES = levelAliases();

	private static final Map<String, String> IMPORT_FIELDS = Map.of("code", "code", "level", "level", "parentCode",
			"parent_code");

	private final RegionRepository regions;

	private final RegionCatalogue catalogue;

	private final DepartmentRepository departments;

	private final MessageSource messages;

	private final cn.qualityportal.audit.AuditTrail audit;

	OrganisationImport(RegionRepository regions, RegionCatalogue catalogue, DepartmentRepository departments,
			MessageSource messages, cn.qualityportal.audit.AuditTrail audit) {
		this.audit = audit;
		this.regions = regions;
		this.catalogue = catalogue;
		this.departments = departments;
		this.messages = messages;
	}

	@Transactional
	ImportReport importRows(Kind kind, List<SpreadsheetRow> rows) {
		ImportReport outcome = kind == Kind.REGIONS ? importRegions(rows) : importDepartments(rows);
		if (outcome.problems().isEmpty() && outcome.created() + outcome.updated() > 0) {
			audit.record(kind == Kind.REGIONS ? "region" : "department", null, "IMPORT", null,
					java.util.Map.of("created", outcome.created(), "updated", outcome.updated()));
		}
		return outcome;
	}

	private ImportReport importRegions(List<SpreadsheetRow> rows) {
		List<ImportProblem> problems = new ArrayList<>();
		ImportTable table = ImportTable.read(rows, List.of(CODE, NAME, LEVEL, PARENT), messages, problems);
		if (table == null) {
			return ImportReport.refused(problems);
		}
		record Parsed(SpreadsheetRow row, String code, String name, RegionLevel level, String parentCode) {
		}
		Map<String, Parsed> byCode = new HashMap<>();
		List<Parsed> parsed = new ArrayList<>();
		for (SpreadsheetRow row : table.rows()) {
			String code = table.cell(row, "code");
			String name = table.cell(row, "name");
			RegionLevel level = LEVEL_ALIASES.get(table.cell(row, "level").toUpperCase(Locale.ROOT));
			String parentCode = table.cell(row, "parent_code");
			int problemsBefore = problems.size();
			if (!code.matches("\\d{6}")) {
				problems.add(problem(row.number(), "code", "validation.regionCode"));
			}
			else if (byCode.containsKey(code)) {
				problems.add(problem(row.number(), "code", "import.duplicateInFile", byCode.get(code).row().number()));
			}
			requireName(row, name, problems);
			if (level == null) {
				problems.add(problem(row.number(), "level", "import.region.level"));
			}
			if (!parentCode.isEmpty() && !parentCode.matches("\\d{6}")) {
				problems.add(problem(row.number(), "parent_code", "validation.regionCode"));
			}
			Parsed entry = new Parsed(row, code, name, level, parentCode);
			if (problems.size() == problemsBefore) {
				byCode.put(code, entry);
				parsed.add(entry);
			}
		}
		for (Parsed entry : parsed) {
			if (!entry.parentCode().isEmpty()) {
				RegionLevel parentLevel = Optional.ofNullable(byCode.get(entry.parentCode()))
					.map(Parsed::level)
					.or(() -> regions.findById(entry.parentCode()).map(Region::getLevel))
					.orElse(null);
				if (parentLevel == null) {
					problems.add(problem(entry.row().number(), "parent_code", "validation.region.unknown"));
					continue;
				}
				if (parentLevel.ordinal() >= entry.level().ordinal()) {
					problems.add(problem(entry.row().number(), "parent_code", "validation.region.parentLevel"));
					continue;
				}
			}
			// The same rule as the region form: what is new must agree with the official list; a region
			// kept from an older list may stay as it is.
			Optional<Region> existing = regions.findById(entry.code());
			boolean unchanged = existing.isPresent() && existing.get().getLevel() == entry.level()
					&& entry.parentCode().equals(existing.get().getParent() == null ? "" : existing.get().getParent().getCode());
			if (!unchanged) {
				for (RegionCatalogue.Problem problem : catalogue.check(entry.code(), entry.level(), entry.parentCode())) {
					if (existing.isEmpty() || !problem.field().equals("code")) {
						problems.add(problem(entry.row().number(), IMPORT_FIELDS.get(problem.field()),
								problem.messageKey(), problem.args()));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			return ImportReport.refused(sorted(problems));
		}
		int created = 0;
		int updated = 0;
		// Parents before children, whatever the order of the file.
		parsed.sort(Comparator.comparing(Parsed::level));
		for (Parsed entry : parsed) {
			Region parent = entry.parentCode().isEmpty() ? null : regions.findById(entry.parentCode()).orElseThrow();
			Optional<Region> existing = regions.findById(entry.code());
			if (existing.isPresent()) {
				existing.get().update(entry.name(), entry.level(), parent);
				updated++;
			}
			else {
				regions.save(new Region(entry.code(), entry.name(), entry.level(), parent));
				created++;
			}
		}
		return new ImportReport(created, updated, 0, List.of());
	}

	private ImportReport importDepartments(List<SpreadsheetRow> rows) {
		List<ImportProblem> problems = new ArrayList<>();
		ImportTable table = ImportTable.read(rows, List.of(REGION, NAME, SHORT_NAME, KIND), messages, problems);
		if (table == null) {
			return ImportReport.refused(problems);
		}
		Map<String, DepartmentKind> kinds = kindAliases();
		record Parsed(Region region, String name, String shortName, DepartmentKind kind) {
		}
		List<Parsed> parsed = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (SpreadsheetRow row : table.rows()) {
			String regionCode = table.cell(row, "region_code");
			String name = table.cell(row, "name");
			String shortName = table.cell(row, "short_name");
			DepartmentKind kind = kinds.get(table.cell(row, "kind").toUpperCase(Locale.ROOT));
			Region region = regionCode.matches("\\d{6}") ? regions.findById(regionCode).orElse(null) : null;
			int problemsBefore = problems.size();
			if (region == null) {
				problems.add(problem(row.number(), "region_code", "validation.region.unknown"));
			}
			requireName(row, name, problems);
			if (shortName.length() > 30) {
				problems.add(problem(row.number(), "short_name", "import.tooLong", 30));
			}
			if (kind == null) {
				problems.add(problem(row.number(), "kind", "import.department.kind"));
			}
			Integer earlier = seen.putIfAbsent(regionCode + "/" + name, row.number());
			if (earlier != null) {
				problems.add(problem(row.number(), "name", "import.duplicateInFile", earlier));
			}
			if (problems.size() == problemsBefore) {
				parsed.add(new Parsed(region, name, shortName.isEmpty() ? null : shortName, kind));
			}
		}
		if (!problems.isEmpty()) {
			return ImportReport.refused(sorted(problems));
		}
		Map<String, Department> existing = new HashMap<>();
		departments.findActive().forEach(d -> existing.put(d.getRegion().getCode() + "/" + d.getName(), d));
		int created = 0;
		int updated = 0;
		for (Parsed entry : parsed) {
			Department department = existing.get(entry.region().getCode() + "/" + entry.name());
			if (department == null && departments.existsByRegionCodeAndName(entry.region().getCode(), entry.name())) {
				continue; // a deactivated department of that name: left as the administrator left it
			}
			if (department != null) {
				department.update(entry.name(), entry.shortName(), entry.kind());
				updated++;
			}
			else {
				departments.save(new Department(entry.region(), entry.name(), entry.shortName(), entry.kind()));
				created++;
			}
		}
		return new ImportReport(created, updated, 0, List.of());
	}

	private static void requireName(SpreadsheetRow row, String name, List<ImportProblem> problems) {
		if (name.isEmpty()) {
			problems.add(problem(row.number(), "name", "import.required"));
		}
		else if (name.length() > 100) {
			problems.add(problem(row.number(), "name", "import.tooLong", 100));
		}
	}

	private static ImportProblem problem(int row, String column, String messageKey, Object... arguments) {
		return ImportProblem.at(row, BY_KEY.get(column), messageKey, arguments);
	}

	private static List<ImportProblem> sorted(List<ImportProblem> problems) {
		return problems.stream().sorted(Comparator.comparingInt(ImportProblem::row)).toList();
	}

	private static Map<String, RegionLevel> levelAliases() {
		Map<String, RegionLevel> aliases = new HashMap<>();
		for (RegionLevel level : RegionLevel.values()) {
			aliases.put(level.name(), level);
		}
		aliases.put("COUNTY", RegionLevel.COUNTY);
		aliases.put("DISTRICT", RegionLevel.COUNTY);
		List.of("全国", "国家", "国家级").forEach(alias -> aliases.put(alias, RegionLevel.NATIONAL));
		List.of("省", "省级", "自治区", "直辖市").forEach(alias -> aliases.put(alias, RegionLevel.PROVINCE));
		List.of("市", "地级市", "市级", "地级", "州", "盟").forEach(alias -> aliases.put(alias, RegionLevel.CITY));
		List.of("区", "县", "县级", "区县", "县区", "县级市", "旗").forEach(alias -> aliases.put(alias, RegionLevel.COUNTY));
		List.of("镇", "乡", "乡镇", "街道", "街道镇").forEach(alias -> aliases.put(alias, RegionLevel.TOWN));
		return Map.copyOf(aliases);
	}

	/** Enum names and the labels of both languages, so a file written from the pages' wording works. */
	private Map<String, DepartmentKind> kindAliases() {
		Map<String, DepartmentKind> aliases = new HashMap<>();
		Set<Locale> locales = new HashSet<>(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
		for (DepartmentKind kind : DepartmentKind.values()) {
			aliases.put(kind.name(), kind);
			for (Locale locale : locales) {
				String label = messages.getMessage("department.kind." + kind, null, "", locale);
				if (!label.isEmpty()) {
					aliases.put(label.toUpperCase(Locale.ROOT), kind);
				}
			}
		}
		return aliases;
	}

}
