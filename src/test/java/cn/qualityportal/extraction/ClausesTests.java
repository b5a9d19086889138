package cn.qualityportal.extraction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Stage 2: lines, sentences, clauses and headings, on made-up text. */
class ClausesTests {

	@Test
	void sentencesEndAtFullStopsAndSemicolonsButNotInsideParentheses() {
		String text = "合格率达到95%;覆盖率(含县;乡)达到90%。满意度提高!";
		assertThat(Clauses.sentences(text, 0, text.length())).extracting(span -> span.of(text))
			.containsExactly("合格率达到95%", "覆盖率(含县;乡)达到90%", "满意度提高");
	}

	@Test
	void aClauseStartsAfterACommaColonOrABulletDashButNotAfterARangeDash() {
		String text = "具体目标:-新增标准3-5项";
		assertThat(text.substring(Clauses.clauseStart(text, 0, text.indexOf('3')))).isEqualTo("新增标准3-5项");
		String commas = "到2026年,合格率达到95%";
		assertThat(commas.substring(Clauses.clauseStart(commas, 0, commas.indexOf('9')))).isEqualTo("合格率达到95%");
	}

	@Test
	void headingsHaveLevelsAndMayRunIntoTheText() {
		String text = "一、总体要求\n(一)主要目标\n1.产品质量。(1)农产品。前言。二、创建目标2026年底前,合格率达到98%。";
		List<Clauses.Heading> headings = Clauses.headings(text);
		assertThat(headings).extracting(Clauses.Heading::level, Clauses.Heading::goals)
			.containsExactly(tuple(1, false), tuple(2, true), tuple(3, false), tuple(4, false), tuple(1, true));
	}

	@Test
	void headingsOfAReviewOfThePastAreMarked() {
		String text = "一、发展基础\n二、2023年工作回顾\n三、主要目标\n四、夯实质量基础\n(一)取得的成效";
		assertThat(Clauses.headings(text)).extracting(Clauses.Heading::review).containsExactly(true, true, false, false, true);
	}

	@Test
	void numbersInsideASentenceAreNotHeadings() {
		assertThat(Clauses.headings("合格率达到97.5%,新增3、4个品牌。")).isEmpty();
	}

}
