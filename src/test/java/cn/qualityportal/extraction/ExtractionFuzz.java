package cn.qualityportal.extraction;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.system.Refusal;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the way from an uploaded text to proposed targets: any bytes either are refused as
 * unreadable (a 4xx for the user) or give an extraction whose every quote lies inside the text.
 * Runs for a bounded time in its own execution (pom.xml, fuzz-extraction).
 */
class ExtractionFuzz {

	private final TargetExtractor extractor = new TargetExtractor();

	@FuzzTest(maxDuration = "45s")
	void anyTextIsEitherRefusedOrExtracted(byte[] input) {
		String text;
		try {
			text = DocumentText.fromText(input);
		}
		catch (Refusal refused) {
			return;
		}
		Extraction extraction = extractor.extract(text);
		assertThat(extraction.targets()).allSatisfy(target -> assertThat(target.quote()).isNotNull());
		assertThat(new String(input, StandardCharsets.UTF_8)).isNotNull();
	}

}
