package cn.qualityportal;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.BrowserType.LaunchOptions;

/**
 * Playwright driving Debian's Chromium: Playwright's own browser download cannot work without
 * internet, so it is switched off and the system browser is launched instead.
 */
public final class Browser implements AutoCloseable {

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private Browser(String executable) {
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = playwright.chromium()
			.launch(new LaunchOptions().setExecutablePath(java.nio.file.Path.of(executable))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/** Debian's Chromium, or the browser named by {@code CHROMIUM}; skipped (or failed in CI) when absent. */
	public static Browser launch() {
		String executable = System.getenv("CHROMIUM") != null ? System.getenv("CHROMIUM")
				: ExternalTools.require("chromium", "Debian: apt-get install chromium");
		return new Browser(executable);
	}

	public com.microsoft.playwright.Page newPage() {
		return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"))
			.newPage();
	}

	/**
	 * Presses a button that posts a form and waits for the server's answer, which must not be an
	 * error. Up to 2 minutes: on a loaded CI machine a grid's save once took longer than the 30 s an
	 * assertion waits, and the page then still showed the form as before (the grid, no message);
	 * this says which of "slow", "refused" or "answered without its message" happened.
	 */
	public static com.microsoft.playwright.Response post(com.microsoft.playwright.Page page,
			com.microsoft.playwright.Locator button) {
		com.microsoft.playwright.Response answer = page.waitForResponse(
				response -> response.request().method().equals("POST"),
				new com.microsoft.playwright.Page.WaitForResponseOptions().setTimeout(120_000), button::click);
		if (answer.status() >= 400) {
			throw new AssertionError("POST " + answer.url() + " answered " + answer.status());
		}
		return answer;
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
