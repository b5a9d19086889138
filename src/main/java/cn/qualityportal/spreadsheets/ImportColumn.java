package cn.qualityportal.spreadsheets;

import java.io.Serializable;
import java.util.List;

/**
 * A column an import reads: its machine key (kept in the hidden first row of the portal's
 * workbooks), the message key of its heading (read in Chinese and English), whether a file must
 * have it, and further headings people write ({@code 区划代码}).
 */
public record ImportColumn(String key, String labelKey, boolean required, List<String> aliases) implements Serializable {

	public ImportColumn {
		aliases = List.copyOf(aliases);
	}

	public static ImportColumn required(String key, String labelKey, String... aliases) {
		return new ImportColumn(key, labelKey, true, List.of(aliases));
	}

	public static ImportColumn optional(String key, String labelKey, String... aliases) {
		return new ImportColumn(key, labelKey, false, List.of(aliases));
	}

}
