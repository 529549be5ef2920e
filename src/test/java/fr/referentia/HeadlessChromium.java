package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.webjars.WebJarVersionLocator;

/**
 * Debian's headless Chromium for a browser test class: started once with a profile of its own,
 * stopped with it. Without the browser the class is skipped, except on CI, which installs it
 * ({@code .ci/run} sets REFERENTIA_REQUIRE_BROWSER): there a missing browser is a failure.
 */
final class HeadlessChromium implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String NO_BROWSER = "Browser tests skipped: no " + CHROMEDRIVER + "; install Debian's "
            + "chromium and chromium-driver packages (apt-get install chromium chromium-driver)";

    private final ChromeDriverService service;
    private final ChromeDriver browser;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver browser, Path profile) {
        this.service = service;
        this.browser = browser;
        this.profile = profile;
    }

    /** A browser asking for {@code acceptLanguages}, with the given window size and further arguments. */
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
        return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
    }

    ChromeDriver browser() {
        return browser;
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
