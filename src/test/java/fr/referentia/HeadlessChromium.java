package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.webjars.WebJarVersionLocator;

/**
 * Debian's headless Chromium for a browser test class: started once with a profile of its own,
 * stopped with it; and what the browser test classes share: opening a page, signing in, waiting,
 * axe-core's check and the sideways-scroll check. Without the browser the class is skipped, except on CI, which installs it
 * ({@code .ci/run} sets REFERENTIA_REQUIRE_BROWSER): there a missing browser is a failure.
 */
final class HeadlessChromium implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String NO_BROWSER = "Browser tests skipped: no " + CHROMEDRIVER + "; install Debian's "
            + "chromium and chromium-driver packages (apt-get install chromium chromium-driver)";

    /** The password of the demo accounts. */
    static final String DEMO_PASSWORD = "referentia-demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriverService service;
    private final ChromeDriver browser;
    private final Path profile;
    private Duration wait = Duration.ofSeconds(20);
    private String axeSource;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver browser, Path profile) {
        this.service = service;
        this.browser = browser;
        this.profile = profile;
    }

    /**
     * A browser asking for {@code acceptLanguages}, with the given window size and further arguments; pages may take
     * 60 s to load and scripts 90 s.
     */
    static HeadlessChromium start(String windowSize, String acceptLanguages, String... arguments) throws IOException {
        if (!CHROMEDRIVER.canExecute()) {
            assertThat(System.getenv("REFERENTIA_REQUIRE_BROWSER")).as(NO_BROWSER).isNull();
            // Surefire does not print why a whole class was skipped: say it here too.
            LoggerFactory.getLogger(HeadlessChromium.class).warn(NO_BROWSER);
        }
        assumeTrue(CHROMEDRIVER.canExecute(), NO_BROWSER);
        Path profile = Files.createTempDirectory("referentia-chromium-");
        List<String> all = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + windowSize));
        all.addAll(List.of(arguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(all);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // Pages and scripts (axe-core) on a loaded 2-core machine: generous bounds, a class may set its own.
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(90));
        return new HeadlessChromium(service, browser, profile);
    }

    ChromeDriver browser() {
        return browser;
    }

    /** How long {@link #until} waits for a condition (20 s unless a class needs longer). */
    HeadlessChromium waitingUpTo(Duration wait) {
        this.wait = wait;
        return this;
    }

    /**
     * Waits until {@code condition} holds (neither null nor false) and gives what it returned. An element read
     * while the page is being replaced (after a form is sent, the previous page's notice is still there) is read
     * again: Chrome reports it as stale, or as a node that « does not belong to the document ».
     */
    <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, wait).ignoring(StaleElementReferenceException.class).until(driver -> {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Opens {@code path} of the application on {@code port} and waits for its main content. */
    void open(int port, String path) {
        browser.get("http://localhost:" + port + path);
        until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
    }

    /** Signs in as a demo account (their shared password) through the sign-in page. */
    void signIn(int port, String email) {
        signIn(port, email, DEMO_PASSWORD);
    }

    /** Signs in through the sign-in page and waits for the header's sign-out form. */
    void signIn(int port, String email, String password) {
        open(port, "/connexion");
        fillSignIn(email, password);
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/deconnexion']")));
    }

    /** Types the e-mail address and password into the sign-in form shown and sends it. */
    void fillSignIn(String email, String password) {
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** Ends the session by forgetting the cookies. */
    void forgetSession() {
        browser.manage().deleteAllCookies();
    }

    /**
     * Runs axe-core in the page: its violations, each with id, impact, help, helpUrl and nodes
     * ({target, summary}).
     */
    List<Map<String, Object>> axe() throws IOException {
        if (axeSource == null) {
            axeSource = axeSource();
        }
        browser.executeScript(axeSource);
        String result = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
                    })))))
                  .catch(e => done('ERROR ' + e));
                """);
        assertThat(result).as("axe.run").doesNotStartWith("ERROR");
        return JSON.readValue(result, new TypeReference<List<Map<String, Object>>>() {
        });
    }

    /** Asserts that axe-core finds no serious or critical violation in the page, naming {@code what} if it does. */
    void assertAccessible(String what) throws IOException {
        List<Map<String, Object>> blocking = blocking(axe());
        assertThat(blocking).as("axe-core on %s (%s):%n%s", what, browser.getCurrentUrl(), describe(blocking))
                .isEmpty();
    }

    /** The width of the window the browser starts with ({@link #start}'s callers ask for 1366 × 900). */
    static final int DESKTOP = 1366;

    /**
     * Shows pages {@code width} px wide: below {@link #DESKTOP} as a phone does (Chrome's device emulation, touch
     * layout), at {@link #DESKTOP} as the window again. Applies to the page shown, without reloading it.
     */
    void width(int width) {
        if (width == DESKTOP) {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Asserts that the page does not scroll sideways at {@code width} px, naming what sticks out if it does. */
    void assertNoSidewaysScroll(String what, int width) {
        assertThat(sidewaysScroll(width)).as("%s at %d px scrolls sideways", what, width).isNull();
    }

    /** What sticks out of a page {@code width} px wide when it scrolls sideways, else null. */
    String sidewaysScroll(int width) {
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        if (scrollWidth <= width) {
            return null;
        }
        return scrollWidth + " px wide, past " + width + ": " + browser.executeScript(
                "return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right"
                        + " > arguments[0]).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8).join(', ')",
                width);
    }

    /** The serious and critical violations among these. */
    static List<Map<String, Object>> blocking(List<Map<String, Object>> violations) {
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
    }

    /** Violations as lines a person can act on: rule, impact, help, and each element with why it fails. */
    @SuppressWarnings("unchecked")
    static String describe(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> "- " + v.get("id") + " [" + v.get("impact") + "] " + v.get("help")
                + (v.get("helpUrl") == null ? "" : " (" + v.get("helpUrl") + ")") + "\n"
                + ((List<Map<String, Object>>) v.get("nodes")).stream()
                        .map(n -> "    " + n.get("target") + " — " + String.valueOf(n.get("summary")).replace("\n", " "))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    /** axe-core's script, injected into pages to check their accessibility. */
    static String axeSource() {
        String resource = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        if (resource == null) {
            throw new IllegalStateException("axe.min.js is not on the test classpath (org.webjars.npm:axe-core)");
        }
        try (InputStream in = HeadlessChromium.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            service.stop();
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
