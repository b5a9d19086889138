package cn.qualityportal.reporting;

import org.junit.jupiter.api.Test;

import static cn.qualityportal.reporting.ValueRules.Step.ACCEPT;
import static cn.qualityportal.reporting.ValueRules.Step.APPROVE;
import static cn.qualityportal.reporting.ValueRules.Step.REOPEN;
import static cn.qualityportal.reporting.ValueRules.Step.RETURN;
import static cn.qualityportal.reporting.ValueRules.Step.RETURN_AT_ACCEPTANCE;
import static cn.qualityportal.reporting.ValueRules.Step.SUBMIT;
import static cn.qualityportal.reporting.ValueStatus.ACCEPTED;
import static cn.qualityportal.reporting.ValueStatus.APPROVED;
import static cn.qualityportal.reporting.ValueStatus.DRAFT;
import static cn.qualityportal.reporting.ValueStatus.RETURNED;
import static cn.qualityportal.reporting.ValueStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

/** The review's steps as ValueRules.next writes them down, one and two levels. */
class ReviewStepsTests {

	@Test
	void oneLevelEndsAtTheApprovalAndNothingIsAccepted() {
		assertThat(ValueRules.next(DRAFT, SUBMIT, false)).isEqualTo(SUBMITTED);
		assertThat(ValueRules.next(RETURNED, SUBMIT, false)).isEqualTo(SUBMITTED);
		assertThat(ValueRules.next(SUBMITTED, APPROVE, false)).isEqualTo(APPROVED);
		assertThat(ValueRules.next(SUBMITTED, RETURN, false)).isEqualTo(RETURNED);
		assertThat(ValueRules.next(APPROVED, ACCEPT, false)).isNull();
		assertThat(ValueRules.next(APPROVED, RETURN_AT_ACCEPTANCE, false)).isNull();
		assertThat(ValueRules.next(APPROVED, APPROVE, false)).isNull();
		assertThat(ValueRules.next(APPROVED, SUBMIT, false)).isNull();
	}

	@Test
	void twoLevelsAcceptOrReturnAnApprovedFigureAndAReopeningGoesOneLevelDown() {
		assertThat(ValueRules.next(APPROVED, ACCEPT, true)).isEqualTo(ACCEPTED);
		assertThat(ValueRules.next(APPROVED, RETURN_AT_ACCEPTANCE, true)).isEqualTo(RETURNED);
		assertThat(ValueRules.next(SUBMITTED, ACCEPT, true)).isNull();
		assertThat(ValueRules.next(ACCEPTED, ACCEPT, true)).isNull();
		assertThat(ValueRules.next(ACCEPTED, SUBMIT, true)).isNull();
		assertThat(ValueRules.next(APPROVED, REOPEN, true)).isEqualTo(SUBMITTED);
		assertThat(ValueRules.next(ACCEPTED, REOPEN, true)).isEqualTo(APPROVED);
		assertThat(ValueRules.next(SUBMITTED, REOPEN, true)).isNull();
		assertThat(ValueRules.next(DRAFT, REOPEN, false)).isNull();
	}

	@Test
	void sendingAFigureBackAlwaysNeedsAReason() {
		assertThat(RETURN.needsReason()).isTrue();
		assertThat(RETURN_AT_ACCEPTANCE.needsReason()).isTrue();
		assertThat(REOPEN.needsReason()).isTrue();
		assertThat(APPROVE.needsReason()).isFalse();
		assertThat(ACCEPT.needsReason()).isFalse();
	}

	@Test
	void theQueueShowsTheChangeAgainstLastYearInPercent() {
		// 5 against 4: (5 − 4) ÷ 4 = +25.0 %; 91.2 against 95: −4.0 %; no last year or a zero: nothing.
		assertThat(ReviewQueue.change(new java.math.BigDecimal("5"), new java.math.BigDecimal("4"))).isEqualByComparingTo("25.0");
		assertThat(ReviewQueue.change(new java.math.BigDecimal("91.2"), new java.math.BigDecimal("95"))).isEqualByComparingTo("-4.0");
		assertThat(ReviewQueue.change(new java.math.BigDecimal("5"), null)).isNull();
		assertThat(ReviewQueue.change(new java.math.BigDecimal("5"), java.math.BigDecimal.ZERO)).isNull();
	}

}
