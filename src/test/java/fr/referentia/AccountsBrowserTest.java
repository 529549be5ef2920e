package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("1366,900", "fr-FR,fr", "--hide-scrollbars").waitingUpTo(WAIT);
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void signOut() {
        chromium.forgetSession();
        chromium.width(HeadlessChromium.DESKTOP);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void theBranchAdministratorFindsAnAccountAndOpensItsPageAndConfirmation(int width) throws IOException {
        chromium.width(width);
        chromium.signIn(port, "branch-admin@demo.referentia.fr");
        chromium.open(port, "/admin/comptes");
        check("/admin/comptes", width);

        browser.findElement(By.id("q")).sendKeys("employee@demo.referentia.fr");
        new Select(browser.findElement(By.id("filtre-role"))).selectByVisibleText("Salarié");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        chromium.until(ExpectedConditions.urlContains("role=EMPLOYEE"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.getText()).contains("employee@demo.referentia.fr"));
        check("/admin/comptes?role=EMPLOYEE", width);

        rows.get(0).findElement(By.cssSelector("td a")).click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.grants")));
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Actif");
        assertThat(browser.findElement(By.cssSelector("ul.grants")).getText()).contains("Salarié — Organisme de démonstration");
        check("page du compte", width);

        browser.findElement(By.linkText("Désactiver le compte…")).click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Désactiver le compte de");
        check("confirmation", width);
        browser.findElement(By.linkText("Annuler et revenir au compte")).click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.grants")));
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Actif");

        chromium.open(port, "/admin/journal");
        check("/admin/journal", width);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1366, 390})
    void theOrganisationsHrOpensItsPeopleAndOneOfThem(int width) throws IOException {
        chromium.width(width);
        chromium.signIn(port, "org-hr@demo.referentia.fr");
        chromium.open(port, "/mon-espace");
        String people = browser.findElements(By.cssSelector(".tile a")).stream().map(a -> a.getDomAttribute("href"))
                .filter(href -> href.matches("/organismes/[0-9a-f-]{36}/personnes")).findFirst().orElseThrow();
        chromium.open(port, people);
        assertThat(browser.findElement(By.cssSelector("a[href$='modele.xlsx']")).isDisplayed()).isTrue();
        check(people, width);
        browser.findElements(By.cssSelector("table.data tbody tr")).stream()
                .filter(row -> row.getText().contains("employee@demo.referentia.fr")).findFirst().orElseThrow()
                .findElement(By.cssSelector("td a")).click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.grants")));
        assertThat(browser.findElement(By.tagName("h2")).getText()).contains("Organisme de démonstration");
        check("page d'une personne", width);
    }

    private void check(String page, int width) throws IOException {
        chromium.assertNoSidewaysScroll(page, width);
        chromium.assertAccessible(page + " at " + width + " px");
    }
}
