package cn.qualityportal.assessment;

import java.util.Map;

import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A score sheet form refused because of what was typed on some of its lines: why, line by line
 * (item id → refusal), so the page can come back with everything typed and each refused line
 * marked. Nothing of the form is saved.
 */
class RubricFormRefusal extends Refusal {

	private final transient Map<Long, Refusal> lines;

	RubricFormRefusal(Map<Long, Refusal> lines) {
		super(HttpStatus.BAD_REQUEST, "rubric.linesRefused", lines.size());
		this.lines = Map.copyOf(lines);
	}

	Map<Long, Refusal> lines() {
		return lines;
	}

}
