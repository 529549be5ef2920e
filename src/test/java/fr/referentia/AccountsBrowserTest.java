package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9, part 9, in a real browser: the branch administrator searches and filters the accounts,
 * opens a person's account page and its deactivation confirmation, and reads the journal; the
 * organisation's HR does the same for its own people. Each page at 1366 and 390 px: axe-core finds
 * nothing serious or critical, and nothing scrolls sideways. Nothing is changed (the demo accounts
 * are shared with the other browser tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String axeSource;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        axeSource = HeadlessChromium.axeSource();
        chromium = HeadlessChromium.start("1366,900", "fr-FR,fr", "--hide-scrollbars");
        browser = chromium.browser();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void theBranchAdministratorFindsAnAccountAndOpensItsPageAndConfirmation(int width) throws IOException {
        width(width);
        signIn("branch-admin@demo.referentia.fr");
        open("/admin/comptes");
        check("/admin/comptes", width);

        browser.findElement(By.id("q")).sendKeys("employee@demo.referentia.fr");
        new Select(browser.findElement(By.id("filtre-role"))).selectByVisibleText("Salarié");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        until(ExpectedConditions.urlContains("role=EMPLOYEE"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.getText()).contains("employee@demo.referentia.fr"));
        check("/admin/comptes?role=EMPLOYEE", width);

        rows.get(0).findElement(By.cssSelector("td a")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.grants")));
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Actif");
        assertThat(browser.findElement(By.cssSelector("ul.grants")).getText()).contains("Salarié — Organisme de démonstration");
        check("page du compte", width);

        browser.findElement(By.linkText("Désactiver le compte…")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Désactiver le compte de");
        check("confirmation", width);
        browser.findElement(By.linkText("Annuler et revenir au compte")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.grants")));
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Actif");

        open("/admin/journal");
        check("/admin/journal", width);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void theOrganisationsHrOpensItsPeopleAndOneOfThem(int width) throws IOException {
        width(width);
        signIn("org-hr@demo.referentia.fr");
        open("/mon-espace");
        String people = browser.findElements(By.cssSelector(".tile a")).stream().map(a -> a.getDomAttribute("href"))
                .filter(href -> href.matches("/organismes/[0-9a-f-]{36}/personnes")).findFirst().orElseThrow();
        open(people);
        assertThat(browser.findElement(By.cssSelector("a[href$='modele.xlsx']")).isDisplayed()).isTrue();
        check(people, width);
        browser.findElements(By.cssSelector("table.data tbody tr")).stream()
                .filter(row -> row.getText().contains("employee@demo.referentia.fr")).findFirst().orElseThrow()
                .findElement(By.cssSelector("td a")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.grants")));
        assertThat(browser.findElement(By.tagName("h2")).getText()).contains("Organisme de démonstration");
        check("page d'une personne", width);
    }

    private void check(String page, int width) throws IOException {
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(scrollWidth).as("%s at %d px scrolls sideways", page, width).isLessThanOrEqualTo(width);
        List<Map<String, Object>> blocking = axe().stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertThat(blocking).as("axe-core on %s at %d px: %s", page, width, blocking.stream()
                .map(v -> v.get("id") + " " + v.get("nodes")).collect(Collectors.joining("\n"))).isEmpty();
    }

    private void width(int width) {
        if (width != 1366) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    private void signIn(String email) {
        open("/connexion");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("referentia-demo");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/deconnexion']")));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
    }

    private static <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    private List<Map<String, Object>> axe() throws IOException {
        browser.executeScript(axeSource);
        String result = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact,
                      nodes: v.nodes.map(n => n.target.join(' '))
                    })))))
                  .catch(e => done('ERROR ' + e));
                """);
        assertThat(result).as("axe.run").doesNotStartWith("ERROR");
        return JSON.readValue(result, new TypeReference<List<Map<String, Object>>>() {
        });
    }
}
