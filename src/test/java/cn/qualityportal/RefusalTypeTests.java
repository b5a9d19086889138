package cn.qualityportal;

import java.util.List;

import cn.qualityportal.system.Refusal;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One type says that a request is refused: {@link Refusal} (status, message key and arguments, its
 * {@code NotFound} subtype), answered in one place each for the API and for pages. A module's own
 * refusal type, a bare {@code ResponseStatusException} or an exception carrying its own status
 * would each need its own handling, and one forgotten handler is a 500 or an untranslated message
 * (docs/architecture.md "Errors"). The fixtures below show each rule failing.
 */
class RefusalTypeTests {

	private static final String REFUSAL = Refusal.class.getName();

	private static final ArchRule ONLY_REFUSAL_IS_A_STATUS_EXCEPTION = classes().that()
		.areAssignableTo(ResponseStatusException.class)
		.or()
		.areAssignableTo(ErrorResponseException.class)
		.should()
		.haveNameMatching(java.util.regex.Pattern.quote(REFUSAL) + "(\\$.+)?")
		.as("only system.Refusal and its nested subtypes are status exceptions")
		.allowEmptyShould(true);

	private static final ArchRule NO_BARE_STATUS_EXCEPTION = noClasses().that()
		.doNotHaveFullyQualifiedName(REFUSAL)
		.should()
		.callConstructorWhere(DescribedPredicate.describe("a constructor of ResponseStatusException or ErrorResponseException",
				(JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(ResponseStatusException.class)
						|| call.getTargetOwner().isEquivalentTo(ErrorResponseException.class)))
		.as("no bare ResponseStatusException is thrown: a Refusal says why in the bundles");

	private static final ArchRule NO_EXCEPTION_CARRIES_ITS_OWN_STATUS = noFields().that()
		.areDeclaredInClassesThat()
		.areAssignableTo(Throwable.class)
		.should()
		.haveRawType(assignableTo(HttpStatusCode.class))
		.as("no exception carries an HTTP status of its own: that is a Refusal")
		.allowEmptyShould(true);

	private static final ArchRule STATUSES_ANSWERED_IN_ONE_PLACE = noMethods().that()
		.areDeclaredInClassesThat()
		.resideOutsideOfPackage("cn.qualityportal.system")
		.should()
		.beAnnotatedWith(ExceptionHandler.class)
		.orShould()
		.beAnnotatedWith(ResponseStatus.class)
		.as("exceptions are turned into answers only by system's problem handlers")
		.allowEmptyShould(true);

	private static final List<ArchRule> RULES = List.of(ONLY_REFUSAL_IS_A_STATUS_EXCEPTION, NO_BARE_STATUS_EXCEPTION,
			NO_EXCEPTION_CARRIES_ITS_OWN_STATUS, STATUSES_ANSWERED_IN_ONE_PLACE);

	@Test
	void mainCodeRefusesOnlyWithRefusal() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.qualityportal");
		CompositeArchRule.of(RULES).check(main);
	}

	@Test
	void eachRuleCatchesARefusalOfAnotherKind() {
		JavaClasses fixtures = new ClassFileImporter().importClasses(ModuleRefusal.class, BareRefusal.class,
				UnreadableInput.class, OwnHandler.class, Refusal.class);
		List<String> broken = RULES.stream()
			.map(rule -> rule.evaluate(fixtures))
			.filter(EvaluationResult::hasViolation)
			.map(result -> result.getFailureReport().getDetails().toString())
			.toList();
		assertThat(broken).hasSize(RULES.size());
		assertThat(String.join("\n", broken)).contains(ModuleRefusal.class.getSimpleName(),
				BareRefusal.class.getSimpleName(), UnreadableInput.class.getSimpleName(), OwnHandler.class.getSimpleName());
	}

	/** A module's own subtype, as {@code ReportingException} was. */
	static class ModuleRefusal extends Refusal {

		ModuleRefusal(String messageKey) {
			super(HttpStatus.CONFLICT, messageKey);
		}

	}

	static class BareRefusal {

		void refuse() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}

	}

	/** An exception with a status of its own, as extraction's {@code UnreadableInputException} was. */
	static class UnreadableInput extends RuntimeException {

		final HttpStatus status = HttpStatus.BAD_REQUEST;

	}

	/** A handler of its own, as extraction's controller had for that exception. */
	static class OwnHandler {

		@ExceptionHandler(UnreadableInput.class)
		void unreadable() {
		}

	}

}
