package cn.qualityportal.system.database;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first filter of every request, before sessions (which live in PostgreSQL): while the
 * database is down or being restarted, pages and the API answer 503 with {@code Retry-After} and
 * a translated message instead of a 500 or a long wait; a request that fails because the database
 * went away or its disk is full gets the same kind of clear answer (507 for a full disk).
 * PostgreSQL rolled the failed transaction back, so nothing of it was written.
 */
class DatabaseFaultFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "10";

	/** HikariCP's message for a statement on a connection it has closed (ProxyConnection.ClosedConnection). */
	static final String CLOSED_BY_POOL = "Connection is closed";

	private static final Logger log = LoggerFactory.getLogger(DatabaseFaultFilter.class);

	private final ObjectProvider<DatabaseSupervisor> supervisor;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final SpringTemplateEngine templates;

	private final JsonMapper json;

	DatabaseFaultFilter(ObjectProvider<DatabaseSupervisor> supervisor, MessageSource messages, LocaleResolver locales,
			SpringTemplateEngine templates, JsonMapper json) {
		this.supervisor = supervisor;
		this.messages = messages;
		this.locales = locales;
		this.templates = templates;
		this.json = json;
	}

	/** The kinds of database fault a user is told about. */
	enum Fault {

		UNAVAILABLE(503, "database.unavailable"), DISK_FULL(507, "database.diskFull");

		final int status;

		final String messageKey;

		Fault(int status, String messageKey) {
			this.status = status;
			this.messageKey = messageKey;
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DatabaseSupervisor watching = supervisor.getIfAvailable();
		if (watching != null && !watching.available() && !needsNoDatabase(request)) {
			answer(request, response, Fault.UNAVAILABLE);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			Fault fault = classify(ex);
			if (fault == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("{} {} failed: {} ({})", request.getMethod(), request.getRequestURI(), fault,
					rootMessage(ex));
			response.resetBuffer();
			answer(request, response, fault);
		}
	}

	/** Which fault an exception shows, by the causes PostgreSQL's driver and the pool give; null: another error. */
	static Fault classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				// 53100 disk_full, 53xxx insufficient resources; 08 connection, 57P01-57P03 shutdown/crash/starting
				if (state.equals("53100")) {
					return Fault.DISK_FULL;
				}
				if (state.startsWith("08") || state.startsWith("57P")) {
					return Fault.UNAVAILABLE;
				}
			}
			if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return Fault.UNAVAILABLE;
			}
			// A transaction on a connection the database dropped: rolling it back fails on the pool's closed
			// connection, which HikariCP reports without a SQLState, and Spring's TransactionTemplate throws
			// that instead of the I/O error it only logs (EmbeddedDatabaseRecoveryIT saw a 500 so, for a
			// request in flight when PostgreSQL was killed).
			if (cause instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
				return Fault.UNAVAILABLE;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, Fault fault) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String message = messages.getMessage(fault.messageKey, null, locale);
		response.setStatus(fault.status);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding("UTF-8");
		if (wantsJson(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", messages.getMessage(fault.messageKey + ".title", null, locale));
			problem.put("status", fault.status);
			problem.put("detail", message);
			problem.put("instance", request.getRequestURI());
			response.getWriter().write(json.writeValueAsString(problem));
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			Context context = new Context(locale);
			context.setVariable("messageKey", fault.messageKey);
			response.getWriter().write(templates.process("error/database", context));
		}
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

	/** Health (which says why the database is down) and static files (the 503 page's style sheet). */
	private static boolean needsNoDatabase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/health") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/");
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
