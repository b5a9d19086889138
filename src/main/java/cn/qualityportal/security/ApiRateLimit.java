package cn.qualityportal.security;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code portal.security.api-requests-per-minute} API requests per user (or per address
 * before sign-in) in each minute; more answer 429 with Retry-After. Counted in memory per instance,
 * so N instances allow N times as many: enough to stop a runaway script, not a distributed attack
 * (that is the load balancer's job).
 */
final class ApiRateLimit extends OncePerRequestFilter {

	private final int perMinute;

	private final ProblemDetailsResponder problems;

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private volatile long minute = currentMinute();

	ApiRateLimit(int perMinute, ProblemDetailsResponder problems) {
		this.perMinute = perMinute;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = currentMinute();
		if (now != minute) {
			synchronized (this) {
				if (now != minute) {
					counts.clear();
					minute = now;
				}
			}
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String client = authentication != null && authentication.isAuthenticated() ? "user:" + authentication.getName()
				: "address:" + request.getRemoteAddr();
		if (counts.computeIfAbsent(client, key -> new AtomicInteger()).incrementAndGet() > perMinute) {
			response.setHeader("Retry-After", String.valueOf(60 - (System.currentTimeMillis() / 1000) % 60));
			problems.respond(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.rateLimited");
			return;
		}
		chain.doFilter(request, response);
	}

	private static long currentMinute() {
		return System.currentTimeMillis() / 60_000;
	}

}
