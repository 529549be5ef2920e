package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9: each of the nine demo accounts signs in, lands on its workspace ({@code /mon-espace}) and
 * reaches every tile's page, on a desktop (1366 px) and on a phone (390 px): axe-core finds nothing
 * serious or critical and no page scrolls sideways. One server and one browser for the whole class.
 * Also: the branch framework's page at least five times shorter than before the outline folded, the
 * refusal page, the return to the page asked for after signing in, and the skip link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESKTOP = 1366;
    private static final int PHONE = 390;
    /** Document height of /referentiels/RAC-METIERS-FORMATION at 1366 px before the outline folded (issue 9). */
    private static final int BRANCH_FRAMEWORK_HEIGHT_BEFORE = 22_243;

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String axeSource;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        axeSource = HeadlessChromium.axeSource();
        // An English browser: the pages must still be wholly French, under lang="fr".
        chromium = HeadlessChromium.start("1366,900", "en-GB,en", "--hide-scrollbars");
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
    void signOutAndBackToDesktop() {
        browser.manage().deleteAllCookies();
        width(DESKTOP);
    }

    static Stream<Arguments> rolesAndWidths() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of(Arguments.of(role, DESKTOP), Arguments.of(role, PHONE)));
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("rolesAndWidths")
    void everyRoleLandsOnItsWorkspaceAndReachesEveryTilesPage(Role role, int width) throws IOException {
        width(width);
        signIn(role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.referentia.fr");

        assertThat(browser.getCurrentUrl()).endsWith("/mon-espace");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mon espace");
        assertThat(browser.findElement(By.cssSelector(".grants")).getText()).contains(role.label());
        if (role.isOrganisationScoped()) {
            assertThat(browser.findElement(By.cssSelector(".grants")).getText()).contains("Organisme de démonstration");
        }
        List<WebElement> tiles = browser.findElements(By.cssSelector(".tile"));
        assertThat(tiles).as("tiles of " + role).hasSizeGreaterThanOrEqualTo(3);
        if (List.of(Role.CANDIDATE, Role.JURY_MEMBER).contains(role)) {
            assertThat(browser.findElements(By.cssSelector(".tile.upcoming"))).as("what will appear for " + role)
                    .hasSize(1).allSatisfy(tile -> assertThat(tile.getText()).contains("Bientôt ici"));
        }
        List<String> links = browser.findElements(By.cssSelector(".tile a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertThat(links).contains("/mes-donnees", "/mon-compte/jetons");
        switch (role) {
            case ORG_HR -> assertThat(links).anyMatch(href -> href.matches("/organismes/[0-9a-f-]{36}/personnes"))
                    .anyMatch(href -> href.matches("/gpec/organismes/[0-9a-f-]{36}/fiches-de-poste"))
                    .anyMatch(href -> href.matches("/gpec/organismes/[0-9a-f-]{36}/equipes"))
                    .contains("/gpec/mes-competences");
            case MANAGER -> assertThat(links).contains("/gpec/mon-equipe", "/gpec/mes-competences");
            case EMPLOYEE -> assertThat(links).contains("/gpec/mes-competences");
            case BRANCH_ADMIN -> assertThat(links).contains("/#redaction", "/referentiels/import", "/admin/organismes",
                    "/admin/comptes", "/admin/journal", "/comparaisons");
            case CERTIFICATION_OFFICE -> assertThat(links).contains("/certification/habilitations");
            case ASSESSOR -> assertThat(links).contains("/mes-habilitations");
            case OBSERVER -> assertThat(links).contains("/comparaisons");
            default -> assertThat(links).doesNotContain("/admin/comptes", "/comparaisons");
        }
        checkPage("/mon-espace", role, width);

        for (String link : links) {
            open(link);
            assertThat(browser.getTitle()).as(link).doesNotStartWith("Erreur").doesNotStartWith("Accès refusé");
            checkPage(link, role, width);
        }
    }

    @Test
    void theBranchFrameworkPageIsAtLeastFiveTimesShorterWithItsOutlineFolded() {
        open("/referentiels/RAC-METIERS-FORMATION");
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();

        assertThat(height * 5).as("document height %d px at 1366 px", height).isLessThanOrEqualTo(BRANCH_FRAMEWORK_HEIGHT_BEFORE);
        assertThat(browser.findElements(By.cssSelector(".tree > li.level-0"))).hasSize(7);
        WebElement firstDomain = browser.findElement(By.cssSelector(".tree > li.level-0 > details"));
        assertThat(firstDomain.getDomAttribute("open")).isNull();
        firstDomain.findElement(By.tagName("summary")).click();
        assertThat(firstDomain.findElement(By.cssSelector("li.level-1 .code")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=telechargements] a")).stream().map(WebElement::getText))
                .containsExactly("PDF", "Classeur XLSX", "CSV", "CASE 1.0 (JSON)", "JSON Referentia");
    }

    @Test
    void aPageTheRoleMayNotOpenIsTheFrenchRefusalPageWithTheHeader() {
        signIn("observer@demo.referentia.fr");
        open("/admin/comptes");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
        assertThat(browser.findElement(By.cssSelector("main .alert")).getText())
                .isEqualTo("Votre compte n'a pas accès à cette page.");
        assertThat(browser.findElement(By.cssSelector("header.site-header")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.linkText("Retour à mon espace")).getDomAttribute("href")).isEqualTo("/mon-espace");
    }

    @Test
    void anAnonymousVisitorSentToSignInIsToldWhyThenReturnedToThePageAsked() {
        open("/mes-donnees");
        assertThat(browser.getCurrentUrl()).endsWith("/connexion");
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
                .startsWith("La page demandée est réservée aux personnes connectées");

        fillSignIn("employee@demo.referentia.fr");

        until(ExpectedConditions.urlContains("/mes-donnees"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mes données");
    }

    @Test
    void anEnglishBrowserGetsTheFrenchInterfaceUnderLangFr() {
        open("/");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.cssSelector(".skip-link")).getDomProperty("textContent")).isEqualTo("Aller au contenu");
        assertThat(browser.findElement(By.cssSelector("form[role=search] button")).getText()).isEqualTo("Rechercher");
    }

    @Test
    void theSkipLinkIsVisibleWhenFocused() {
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();

        assertThat(skip.getDomAttribute("class")).isEqualTo("skip-link");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(skip.getCssValue("color")).isNotEqualTo(skip.getCssValue("background-color"));
    }

    @Test
    void onAPhoneTheMenuFoldsBehindAButtonAndSignOutStaysReachable() {
        width(PHONE);
        signIn("branch-admin@demo.referentia.fr");
        WebElement toggle = browser.findElement(By.cssSelector(".menu-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("site-menu")).isDisplayed()).isFalse();

        toggle.click();
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        WebElement signOut = browser.findElement(By.cssSelector("form[action$='/deconnexion'] button"));
        assertThat(signOut.isDisplayed()).isTrue();
        assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).isLessThanOrEqualTo(PHONE);
        signOut.click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/connexion']")));
    }

    @Test
    void onADesktopTheHeaderFitsOnOneLineForTheBranchAdministrator() {
        signIn("branch-admin@demo.referentia.fr");
        long height = ((Number) browser.executeScript(
                "return document.querySelector('header.site-header .bar').getBoundingClientRect().height")).longValue();
        assertThat(height).as("header bar height").isLessThan(80);
    }

    private void checkPage(String path, Role role, int width) throws IOException {
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(scrollWidth).as("%s for %s at %d px scrolls sideways", path, role, width).isLessThanOrEqualTo(width);
        List<Map<String, Object>> blocking = axe().stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertThat(blocking).as("axe-core on %s for %s at %d px:%n%s", path, role, width, describe(blocking)).isEmpty();
    }

    private void width(int width) {
        if (width == DESKTOP) {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    private void signIn(String email) {
        open("/connexion");
        fillSignIn(email);
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/deconnexion']")));
    }

    private void fillSignIn(String email) {
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("referentia-demo");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
    }

    private static <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> axe() throws IOException {
        browser.executeScript(axeSource);
        String result = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
                    })))))
                  .catch(e => done('ERROR ' + e));
                """);
        assertThat(result).as("axe.run").doesNotStartWith("ERROR");
        return JSON.readValue(result, new TypeReference<List<Map<String, Object>>>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add("- " + v.get("id") + " [" + v.get("impact") + "] " + v.get("help") + "\n"
                    + ((List<Map<String, Object>>) v.get("nodes")).stream()
                            .map(n -> "    " + n.get("target") + " — " + String.valueOf(n.get("summary")).replace("\n", " "))
                            .collect(Collectors.joining("\n")));
        }
        return String.join("\n", lines);
    }
}
