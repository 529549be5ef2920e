package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
    private static final int DESKTOP = HeadlessChromium.DESKTOP;
    private static final int PHONE = 390;
    /** Document height of /referentiels/RAC-METIERS-FORMATION at 1366 px before the outline folded (issue 9). */
    private static final int BRANCH_FRAMEWORK_HEIGHT_BEFORE = 22_243;

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        // An English browser: the pages must still be wholly French, under lang="fr".
        chromium = HeadlessChromium.start("1366,900", "en-GB,en", "--hide-scrollbars").waitingUpTo(WAIT);
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void signOutAndBackToDesktop() {
        chromium.forgetSession();
        chromium.width(DESKTOP);
    }

    static Stream<Arguments> rolesAndWidths() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of(Arguments.of(role, DESKTOP), Arguments.of(role, PHONE)));
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("rolesAndWidths")
    void everyRoleLandsOnItsWorkspaceAndReachesEveryTilesPage(Role role, int width) throws IOException {
        chromium.width(width);
        chromium.signIn(port, role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.referentia.fr");

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
            chromium.open(port, link);
            assertThat(browser.getTitle()).as(link).doesNotStartWith("Erreur").doesNotStartWith("Accès refusé");
            checkPage(link, role, width);
        }
    }

    @Test
    void theBranchFrameworkPageIsAtLeastFiveTimesShorterWithItsOutlineFolded() {
        chromium.open(port, "/referentiels/RAC-METIERS-FORMATION");
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
        chromium.signIn(port, "observer@demo.referentia.fr");
        chromium.open(port, "/admin/comptes");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
        assertThat(browser.findElement(By.cssSelector("main .alert")).getText())
                .isEqualTo("Votre compte n'a pas accès à cette page.");
        assertThat(browser.findElement(By.cssSelector("header.site-header")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.linkText("Retour à mon espace")).getDomAttribute("href")).isEqualTo("/mon-espace");
    }

    @Test
    void anAnonymousVisitorSentToSignInIsToldWhyThenReturnedToThePageAsked() {
        chromium.open(port, "/mes-donnees");
        assertThat(browser.getCurrentUrl()).endsWith("/connexion");
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
                .startsWith("La page demandée est réservée aux personnes connectées");

        chromium.fillSignIn("employee@demo.referentia.fr", HeadlessChromium.DEMO_PASSWORD);

        chromium.until(ExpectedConditions.urlContains("/mes-donnees"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mes données");
    }

    @Test
    void anEnglishBrowserGetsTheFrenchInterfaceUnderLangFr() {
        chromium.open(port, "/");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.cssSelector(".skip-link")).getDomProperty("textContent")).isEqualTo("Aller au contenu");
        assertThat(browser.findElement(By.cssSelector("form[role=search] button")).getText()).isEqualTo("Rechercher");
    }

    @Test
    void theSkipLinkIsVisibleWhenFocused() {
        chromium.open(port, "/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();

        assertThat(skip.getDomAttribute("class")).isEqualTo("skip-link");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(skip.getCssValue("color")).isNotEqualTo(skip.getCssValue("background-color"));
    }

    @Test
    void onAPhoneTheMenuFoldsBehindAButtonAndSignOutStaysReachable() {
        chromium.width(PHONE);
        chromium.signIn(port, "branch-admin@demo.referentia.fr");
        WebElement toggle = browser.findElement(By.cssSelector(".menu-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("site-menu")).isDisplayed()).isFalse();

        toggle.click();
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        WebElement signOut = browser.findElement(By.cssSelector("form[action$='/deconnexion'] button"));
        assertThat(signOut.isDisplayed()).isTrue();
        assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).isLessThanOrEqualTo(PHONE);
        signOut.click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/connexion']")));
    }

    @Test
    void onADesktopTheHeaderFitsOnOneLineForTheBranchAdministrator() {
        chromium.signIn(port, "branch-admin@demo.referentia.fr");
        long height = ((Number) browser.executeScript(
                "return document.querySelector('header.site-header .bar').getBoundingClientRect().height")).longValue();
        assertThat(height).as("header bar height").isLessThan(80);
    }

    private void checkPage(String path, Role role, int width) throws IOException {
        chromium.assertNoSidewaysScroll(path + " for " + role, width);
        chromium.assertAccessible(path + " for " + role + " at " + width + " px");
    }
}
