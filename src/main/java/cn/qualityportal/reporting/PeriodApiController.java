package cn.qualityportal.reporting;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reporting periods: everyone lists them; the office opens, closes and (with a recorded reason) reopens them. */
@RestController
@RequestMapping("/api/v1/periods")
class PeriodApiController {

	private final ReportingPeriodRepository periods;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	PeriodApiController(ReportingPeriodRepository periods, AuditTrail audit, ApplicationEventPublisher events) {
		this.periods = periods;
		this.audit = audit;
		this.events = events;
	}

	record PeriodInput(Integer year, PeriodKind kind, Integer number, LocalDate dueOn) {
	}

	@GetMapping
	List<ReportingPeriod> list() {
		return periods.findAllByOrderByYearDescKindAscNumberAsc();
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	@Transactional
	ResponseEntity<ReportingPeriod> open(@RequestBody PeriodInput input, @AuthenticationPrincipal PortalUser user) {
		PeriodKind kind = input.kind() == null ? PeriodKind.ANNUAL : input.kind();
		int number = input.number() == null ? 0 : input.number();
		boolean validNumber = switch (kind) {
			case ANNUAL -> number == 0;
			case HALF_YEARLY -> number == 1 || number == 2;
			case QUARTERLY -> number >= 1 && number <= 4;
		};
		if (input.year() == null || input.year() < 1949 || input.year() > 2100 || !validNumber) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.period.invalid");
		}
		if (periods.findByYearAndKindAndNumber(input.year(), kind, number).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "validation.period.exists");
		}
		ReportingPeriod period = periods.save(new ReportingPeriod(input.year(), kind, number, input.dueOn()));
		audit.record(user.getUsername(), "reporting_period", period.getId(), "OPEN", null,
				Map.of("year", period.getYear(), "kind", kind, "number", number), null);
		events.publishEvent(new PeriodOpened(period.getId(), period.getYear(), kind.name(), number));
		return ResponseEntity.created(URI.create("/api/v1/periods/" + period.getId())).body(period);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	@Transactional
	ReportingPeriod close(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
		ReportingPeriod period = find(id);
		period.close();
		audit.record(user.getUsername(), "reporting_period", id, "CLOSE", Map.of("status", "OPEN"),
				Map.of("status", "CLOSED"), null);
		events.publishEvent(new PeriodClosed(id, period.getYear(), period.getKind().name(), period.getNumber()));
		return period;
	}

	@PostMapping("/{id}/reopen")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	@Transactional
	ReportingPeriod reopen(@PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Why the closed period opens again (audited).",
					required = true, content = @io.swagger.v3.oas.annotations.media.Content(
							schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ValueApiController.Reason.class),
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject("{\"reason\": \"补报东兴市漏报数据\"}")))
			@RequestBody(required = false) Map<String, String> body,
			@AuthenticationPrincipal PortalUser user) {
		String reason = body == null ? null : body.get("reason");
		if (reason == null || reason.isBlank()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "reporting.reasonRequired");
		}
		if (reason.length() > cn.qualityportal.system.TextLimits.REASON) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.reason.tooLong");
		}
		ReportingPeriod period = find(id);
		period.reopen();
		audit.record(user.getUsername(), "reporting_period", id, "REOPEN", Map.of("status", "CLOSED"),
				Map.of("status", "OPEN"), reason.strip());
		events.publishEvent(new PeriodReopened(id, period.getYear(), period.getKind().name(), period.getNumber()));
		return period;
	}

	private ReportingPeriod find(long id) {
		return periods.findById(id).orElseThrow(() -> new Refusal.NotFound());
	}

}
