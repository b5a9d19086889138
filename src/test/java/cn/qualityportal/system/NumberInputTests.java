package cn.qualityportal.system;

import java.math.BigDecimal;

import cn.qualityportal.system.NumberInput.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reader of typed numbers: what it accepts, what it refuses and why, and that it is fast. */
class NumberInputTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			95         | PERCENT | 95
			95%        | PERCENT | 95
			95 ％      | PERCENT | 95
			９５．５    | PERCENT | 95.5
			2.5‰       | PER_MILLE | 2.5
			'1,000'    | NONE    | 1000
			'12,345.67' | NONE   | 12345.67
			'１，２００' | NONE    | 1200
			-3         | NONE    | -3
			－3        | NONE    | -3
			.5         | NONE    | 0.5
			'  7  '    | NONE    | 7
			99999999999999.9 | NONE | 99999999999999.9
			""")
	void readsWhatPeopleNaturallyType(String typed, Unit unit, String expected) {
		NumberInput.Reading reading = NumberInput.read(typed, unit);
		assertThat(reading.problem()).isNull();
		assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			abc            | PERCENT | validation.number.format
			九十五          | PERCENT | validation.number.format
			9 5            | NONE    | validation.number.format
			'1,5'          | NONE    | validation.number.grouping
			'1,0000'       | NONE    | validation.number.grouping
			95%            | NONE    | validation.number.percentNotHere
			2‰             | PERCENT | validation.number.perMilleNotHere
			1e5            | NONE    | validation.number.exponent
			1e-100000000   | NONE    | validation.number.exponent
			1E+400000000   | NONE    | validation.number.exponent
			1234567890123456 | NONE  | validation.number.magnitude
			100000000000000 | NONE   | validation.number.magnitude
			1234567890.123456 | NONE | validation.number.decimals
			0.00001        | NONE    | validation.number.decimals
			123456789012.2345 | NONE | validation.number.digits
			""")
	void refusesWhatIsNotANumberOrIsOutOfBoundsSayingWhichFormIsExpected(String typed, Unit unit, String problem) {
		NumberInput.Reading reading = NumberInput.read(typed, unit);
		assertThat(reading.problem()).isEqualTo(problem);
		assertThat(reading.value()).isNull();
	}

	@Test
	void blankIsNoNumberAndNoProblem() {
		assertThat(NumberInput.read("  ", Unit.NONE)).isEqualTo(new NumberInput.Reading(null, null));
		assertThat(NumberInput.read(null, Unit.NONE)).isEqualTo(new NumberInput.Reading(null, null));
	}

	@Test
	void hostileNumbersAlreadyParsedAreRefusedWithoutArithmetic() {
		long started = System.nanoTime();
		assertThat(NumberInput.check(new BigDecimal("1e-100000000")).problem()).isEqualTo("validation.number.decimals");
		assertThat(NumberInput.check(new BigDecimal("1e+100000000")).problem()).isEqualTo("validation.number.magnitude");
		assertThat(NumberInput.check(new BigDecimal("1" + "0".repeat(900))).problem()).isEqualTo("validation.number.magnitude");
		assertThat(NumberInput.read("1".repeat(100_000), Unit.NONE).problem()).isEqualTo("validation.number.format");
		// A hang guard, not a speed measure (speeds live in bench/): expanding such a number takes
		// minutes or all memory; a loaded CI machine takes over a second for an ordinary request.
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
	}

}
