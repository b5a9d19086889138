package cn.qualityportal.extraction;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import cn.qualityportal.extraction.Extraction.ProposedTarget;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the extractor on the annotated documents of ../shared/corpus, as shared/corpus/score.py
 * does: a proposal matches a gold target when its span overlaps the gold quote (within two
 * characters) and its value (and range maximum) is equal, one to one, most similar name first;
 * strict also needs comparator, unit, year, increment and a name with character F1 ≥ 0.6.
 * Skipped, with a message, where the corpus is not beside the repository.
 */
class CorpusScoreTests {

	static final Path CORPUS = Path.of("../shared/corpus");

	static Stream<String> documents() throws IOException {
		if (!Files.isDirectory(CORPUS)) {
			return Stream.of("(no corpus)");
		}
		try (Stream<Path> files = Files.list(CORPUS)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".gold.json"))
				.map(name -> name.replace(".gold.json", ""))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("documents")
	void reachesTheAccuracyTheIssueAsksFor(String document) throws IOException {
		Assumptions.assumeTrue(Files.isDirectory(CORPUS),
				"../shared/corpus is not beside the repository: the corpus score is not measured");
		String text = Files.readString(CORPUS.resolve(document + ".txt"));
		JsonNode gold = JsonMapper.builder().build().readTree(Files.readString(CORPUS.resolve(document + ".gold.json")));
		List<ProposedTarget> predicted = new TargetExtractor().extract(text).targets();
		Score score = score(text, gold.get("targets"), predicted);
		System.out.printf("%s: gold %d, predicted %d, detection F1 %.3f, strict F1 %.3f%n", document, score.gold,
				score.predicted, score.f1(), score.strictF1());
		assertThat(score.f1()).as("detection F1 of " + document).isGreaterThanOrEqualTo(0.95);
		assertThat(score.strictF1()).as("strict F1 of " + document).isGreaterThanOrEqualTo(0.90);
	}

	record Score(int gold, int predicted, int matched, int strict) {

		double f1() {
			return f1(matched);
		}

		double strictF1() {
			return f1(strict);
		}

		private double f1(int hits) {
			double precision = predicted == 0 ? 0 : (double) hits / predicted;
			double recall = gold == 0 ? 0 : (double) hits / gold;
			return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		}

	}

	static Score score(String text, JsonNode gold, List<ProposedTarget> predicted) {
		record Candidate(double similarity, int gold, int predicted) {
		}
		List<Candidate> candidates = new ArrayList<>();
		for (int g = 0; g < gold.size(); g++) {
			JsonNode target = gold.get(g);
			int start = text.indexOf(target.get("quote").asString());
			if (start < 0) {
				continue;
			}
			int end = start + target.get("quote").asString().length();
			for (int p = 0; p < predicted.size(); p++) {
				ProposedTarget proposal = predicted.get(p);
				if (proposal.start() >= end + 2 || start >= proposal.end() + 2) {
					continue;
				}
				if (!same(proposal.value(), target.get("value"))) {
					continue;
				}
				if (target.get("comparator").asString().equals("range") && !same(proposal.valueMax(), target.get("value_max"))) {
					continue;
				}
				String name = target.has("indicator_simplified") ? target.get("indicator_simplified").asString()
						: target.get("indicator").asString();
				candidates.add(new Candidate(charF1(proposal.indicator(), name), g, p));
			}
		}
		candidates.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		Set<Integer> usedGold = new HashSet<>();
		Set<Integer> usedPredicted = new HashSet<>();
		int matched = 0;
		int strict = 0;
		for (Candidate candidate : candidates) {
			if (usedGold.contains(candidate.gold()) || usedPredicted.contains(candidate.predicted())) {
				continue;
			}
			usedGold.add(candidate.gold());
			usedPredicted.add(candidate.predicted());
			matched++;
			JsonNode target = gold.get(candidate.gold());
			ProposedTarget proposal = predicted.get(candidate.predicted());
			Integer year = target.get("year").isNull() ? null : target.get("year").asInt();
			if (proposal.comparator().equals(target.get("comparator").asString())
					&& unit(proposal.unit()).equals(unit(target.get("unit").asString()))
					&& Objects.equals(proposal.year(), year) && proposal.increment() == target.get("new").asBoolean()
					&& candidate.similarity() >= 0.6) {
				strict++;
			}
		}
		return new Score(gold.size(), predicted.size(), matched, strict);
	}

	private static boolean same(BigDecimal value, JsonNode gold) {
		return value != null && gold != null && !gold.isNull() && value.compareTo(new BigDecimal(gold.asString())) == 0;
	}

	private static String unit(String unit) {
		String normal = norm(unit);
		return normal.equals("个百分点") || normal.equals("百分點") ? "百分点" : normal;
	}

	static String norm(String text) {
		if (text == null) {
			return "";
		}
		return ZhConverterUtil.toSimple(text.replaceAll("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", "")).replaceAll("\\s+", "");
	}

	/** Character-bag F1 of two names after score.py's normalisation, as its chars_f1. */
	static double charF1(String a, String b) {
		return NameSimilarity.of(norm(a), norm(b));
	}

}
