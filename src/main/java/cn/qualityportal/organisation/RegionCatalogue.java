package cn.qualityportal.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The official list of administrative divisions (GB/T 2260, as published by 民政部) that a new
 * region's code, level and parent are checked against: bundled as {@code regions/gb2260.csv},
 * whose source, date and licence are in {@code regions/NOTICE.md} and which
 * {@code db/regions/update-catalogue.sh} regenerates. Regions already in the database are never
 * judged against a newer list, so merged or renamed regions keep their codes and past figures.
 * The country itself (100000) and towns (乡镇, whose official codes have nine digits) are not in
 * the six-digit list.
 */
@Component
public class RegionCatalogue {

	/** The national root of the tree, owner of national documents. */
	public static final String NATIONAL_CODE = "100000";

	private static final String RESOURCE = "regions/gb2260.csv";

	private final Map<String, Entry> entries;

	RegionCatalogue() {
		Map<String, Entry> loaded = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
				String[] cells = line.split(",", -1);
				loaded.put(cells[0], new Entry(cells[0], cells[1], RegionLevel.valueOf(cells[2]),
						cells[3].isEmpty() ? null : cells[3]));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The region catalogue " + RESOURCE + " cannot be read", ex);
		}
		this.entries = Collections.unmodifiableMap(loaded);
	}

	/** A division of the list; {@code parentCode} is null for a province. */
	public record Entry(String code, String name, RegionLevel level, String parentCode) {
	}

	/** A field of the region form and the translated problem with it. */
	public record Problem(String field, String messageKey, Object... args) {
	}

	public Optional<Entry> find(String code) {
		return Optional.ofNullable(code == null ? null : entries.get(code));
	}

	public int size() {
		return entries.size();
	}

	/** Divisions whose code starts with, or whose name contains, {@code query}, in code order. */
	public List<Entry> search(String query, int limit) {
		String q = query == null ? "" : query.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		return entries.values()
			.stream()
			.filter(entry -> entry.code().startsWith(q) || entry.name().contains(q))
			.limit(limit)
			.toList();
	}

	/**
	 * Whether a region of this code, level and parent agrees with the list: a listed code must have
	 * its listed level and, when a parent is given, its listed parent (a county under its city, a
	 * city or a county of a 省直辖 group under its province, a province under the country). A code
	 * missing from the list is refused for a new region of the levels the list covers. Empty when
	 * all agree.
	 */
	public List<Problem> check(String code, RegionLevel level, String parentCode) {
		boolean hasParent = parentCode != null && !parentCode.isBlank();
		if (NATIONAL_CODE.equals(code) || level == RegionLevel.NATIONAL) {
			if (!NATIONAL_CODE.equals(code) || level != RegionLevel.NATIONAL) {
				return List.of(new Problem("level", "validation.region.national", NATIONAL_CODE));
			}
			return hasParent ? List.of(new Problem("parentCode", "validation.region.nationalParent")) : List.of();
		}
		Entry entry = entries.get(code);
		if (entry == null) {
			return level == RegionLevel.TOWN ? List.of()
					: List.of(new Problem("code", "validation.region.notInCatalogue", code));
		}
		if (level != entry.level()) {
			return List.of(new Problem("level", "validation.region.levelMismatch", code, entry.name(),
					levelName(entry.level())));
		}
		String expected = entry.parentCode() == null ? NATIONAL_CODE : entry.parentCode();
		if (hasParent && !parentCode.equals(expected)) {
			String expectedName = find(expected).map(Entry::name).orElse("");
			return List.of(new Problem("parentCode", "validation.region.parentMismatch", code, entry.name(), expected,
					expectedName, parentCode));
		}
		return List.of();
	}

	private static MessageSourceResolvable levelName(RegionLevel level) {
		return new DefaultMessageSourceResolvable("region.level." + level);
	}

}
