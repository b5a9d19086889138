package cn.qualityportal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for full-stack tests: keeps cookies and signs in through the login form. */
public final class PortalClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	public PortalClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in with the form, as a person would; returns the page the portal redirects to. */
	public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get("/login", "text/html").body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
		return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Posts a form as the page at {@code pagePath} would, with that page's CSRF token. */
	public HttpResponse<String> post(String pagePath, String path, String form) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(pagePath, "text/html").body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + pagePath);
		}
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(token.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
