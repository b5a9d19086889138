package cn.qualityportal.organisation;

import java.util.Set;

/**
 * The regions whose data one account may read and change: its own region, or its region and all
 * below it. Regions above it are visible (their documents are the policy it implements) but
 * never writable; siblings and their children are neither. Every list, page, export and API
 * call filters by it on the server.
 *
 * @param everything the whole tree (system administrator without a unit)
 * @param regionCodes regions it may read and change
 * @param ancestorCodes regions above its own, readable only
 */
public record DataScope(boolean everything, Set<String> regionCodes, Set<String> ancestorCodes) {

	public static final DataScope EVERYTHING = new DataScope(true, Set.of(), Set.of());

	public static final DataScope NOTHING = new DataScope(false, Set.of(), Set.of());

	public DataScope {
		regionCodes = Set.copyOf(regionCodes);
		ancestorCodes = Set.copyOf(ancestorCodes);
	}

	/** May change data of this region. */
	public boolean covers(String regionCode) {
		return everything || regionCodes.contains(regionCode);
	}

	/** May read data of this region. */
	public boolean canSee(String regionCode) {
		return covers(regionCode) || ancestorCodes.contains(regionCode);
	}

	/** For SQL {@code region_code = any(?)}; meaningless when {@link #everything()}. */
	public String[] writableArray() {
		return regionCodes.toArray(String[]::new);
	}

	/** Writable and ancestor regions, for SQL {@code = any(?)}. */
	public String[] visibleArray() {
		return java.util.stream.Stream.concat(regionCodes.stream(), ancestorCodes.stream()).toArray(String[]::new);
	}

}
