package cn.qualityportal.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an audit row changed, field by field, for people rather than machines: only the fields
 * whose value differs, numbers compared by value (190 and 190.0000 are the same figure) and shown
 * without trailing zeros. The row itself keeps the exact states.
 */
public final class AuditChanges {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditChanges() {
	}

	/** One changed field; {@code before} or {@code after} is null where the field was absent or empty. */
	public record Change(String field, String before, String after) {
	}

	/** The changes from {@code oldState} to {@code newState} (JSON objects or null), version ignored. */
	public static List<Change> between(String oldState, String newState) {
		JsonNode before = oldState == null ? null : JSON.readTree(oldState);
		JsonNode after = newState == null ? null : JSON.readTree(newState);
		Set<String> fields = new LinkedHashSet<>();
		if (before != null) {
			fields.addAll(before.propertyNames());
		}
		if (after != null) {
			fields.addAll(after.propertyNames());
		}
		fields.remove("version");
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			String was = text(before == null ? null : before.get(field));
			String is = text(after == null ? null : after.get(field));
			if (was == null ? is != null : !was.equals(is)) {
				changes.add(new Change(field, was, is));
			}
		}
		return changes;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue().stripTrailingZeros().toPlainString();
		}
		if (node.isValueNode()) {
			return node.asString();
		}
		// A list or a record (a ranking, a scheme's weights) as text people read, not JSON.
		List<String> parts = new ArrayList<>();
		if (node.isArray()) {
			node.values().forEach(element -> parts.add(text(element)));
			return String.join("；", parts);
		}
		node.properties().forEach(entry -> parts.add(entry.getKey() + " " + text(entry.getValue())));
		return String.join("，", parts);
	}

}
