package cn.qualityportal.audit;

import cn.qualityportal.audit.AuditChanges.Change;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChangesTests {

	@Test
	void onlyFieldsThatChangedAreListedAndNumbersCompareByValue() {
		String before = """
				{"value": 95.0000, "numerator": 190.0000, "denominator": 200.0000, "note": "汇总", "status": "RETURNED", "version": 2}""";
		String after = """
				{"value": 95.9596, "numerator": 190, "denominator": 198, "note": "汇总", "status": "RETURNED", "version": 3}""";
		assertThat(AuditChanges.between(before, after)).containsExactly(new Change("value", "95", "95.9596"),
				new Change("denominator", "200", "198"));
	}

	@Test
	void aCreationListsWhatWasSetAndARemovalWhatWasThere() {
		assertThat(AuditChanges.between(null, "{\"value\": 7, \"note\": null, \"version\": 0}"))
			.containsExactly(new Change("value", null, "7"));
		assertThat(AuditChanges.between("{\"evidence\": 12, \"filename\": \"证书.pdf\"}", null))
			.containsExactly(new Change("evidence", "12", null), new Change("filename", "证书.pdf", null));
		assertThat(AuditChanges.between("{\"milestones\": [\"2018:92\"]}", "{\"milestones\": [\"2018:92\", \"2020:93\"]}"))
			.containsExactly(new Change("milestones", "2018:92", "2018:92；2020:93"));
	}

}
