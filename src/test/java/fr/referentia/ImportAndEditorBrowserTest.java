package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkExporter;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.FrameworkViews.VersionRow;
import fr.referentia.framework.authoring.AuthoringFixtures;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9, parts 6 and 7, in a real Chromium: the editor with its script (no « Enregistrer » per item, the
 * fields saving themselves, no « Annuler : null », no rule codes nor English in its labels, the edit lock
 * taken by the first change and not by opening the page); the import page (the draft-or-publish box, the
 * list of imports naming the referential); the confirmation of a discard. axe-core finds nothing serious or
 * critical, at 1366 and 390 px, and nothing scrolls sideways.
 *
 * <p>With {@code -Dreferentia.screenshots=docs/screenshots}, the editor and import page are photographed
 * there (the « after » pictures of docs/screenshots/README.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportAndEditorBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADMIN = "branch-admin@demo.referentia.fr";
    private static final String DRAFT = "2026-01";
    private static final Actor SOMEONE_ELSE = new Actor("autre-redacteur@demo.referentia.fr", "Camille Autre");

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    FrameworkExporter exporter;

    @Autowired
    DraftAuthoring authoring;

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
    void signOutAndBackToDesktop() {
        chromium.forgetSession();
        chromium.width(HeadlessChromium.DESKTOP);
    }

    @Test
    void theEditorSavesItsFieldsByItselfAndTakesTheLockOnlyAtTheFirstChange() throws IOException {
        String code = draftOfTheFixture("CQP-POTIER");
        chromium.signIn(port, ADMIN);
        chromium.open(port, editorOf(code));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rédaction : CQP de potier");

        // With the script, no « Enregistrer » per item: the fields save themselves (the buttons stay in the
        // page for browsers without script).
        List<WebElement> saveButtons = browser.findElements(By.cssSelector(".item-form .save-item"));
        assertThat(saveButtons).hasSize(9).noneMatch(WebElement::isDisplayed);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).doesNotContain("null", "(R7)", "(R14)", "validates", "exactMatchOf", "isRelatedTo", "OTHER")
                .contains("valide", "Tolérance de maîtrise");
        assertThat(browser.findElement(By.cssSelector(".undo-form")).isDisplayed()).isFalse();
        WebElement field = browser.findElement(By.id("text-C1.E1"));
        assertThat(field.getCssValue("font-size")).isEqualTo(browser.findElement(By.tagName("body")).getCssValue("font-size"));
        assertThat(field.getCssValue("border-top-style")).isEqualTo("solid");
        checkPage("editor", 1366);

        // Opening the editor took no lock: someone else could still start editing.
        assertThat(authoring.open(code, DRAFT, SOMEONE_ELSE).lock().editable()).isTrue();

        field.sendKeys(" au tour");
        chromium.until(ExpectedConditions.textMatches(By.id("autosave-status"), Pattern.compile("Enregistré à \\d\\d:\\d\\d")));
        assertThat(draftItem(code, "C1.E1").text()).endsWith(" au tour");
        chromium.until(ExpectedConditions.textToBe(By.cssSelector(".undo-form button"), "Annuler : Texte de C1.E1 modifié"));

        // The first change took the lock: the other author now reads only.
        var theirs = authoring.open(code, DRAFT, SOMEONE_ELSE).lock();
        assertThat(theirs.editable()).isFalse();
        assertThat(theirs.message()).startsWith("Ce brouillon est en cours de modification par ");

        // The context saves itself too, once the field is left.
        WebElement context = browser.findElement(By.id("context-C1.E1"));
        context.sendKeys("À l'atelier");
        browser.findElement(By.id("text-C1.E2")).click();
        chromium.until(driver -> "À l'atelier".equals(draftItem(code, "C1.E1").context()));
        screenshots(code);

        browser.findElement(By.cssSelector("form[action$='/edition/fin'] button")).click();
        chromium.until(ExpectedConditions.urlMatches(".*/versions/" + DRAFT + "$"));
        assertThat(authoring.open(code, DRAFT, SOMEONE_ELSE).lock().editable()).isTrue();
    }

    @Test
    void onAPhoneTheEditorAndAnItemsActionsFitTheScreen() throws IOException {
        String code = draftOfTheFixture("CQP-POTIER-TEL");
        chromium.signIn(port, ADMIN);
        chromium.width(390);
        chromium.open(port, editorOf(code));
        checkPage("editor", 390);
        assertThat(authoring.open(code, DRAFT, SOMEONE_ELSE).lock().editable()).isTrue();
        // An item's less frequent actions and the confirmation of its deletion, which only reading takes.
        chromium.open(port, editorOf(code) + "/elements/C1");
        checkPage("an item's actions", 390);
        chromium.open(port, editorOf(code) + "/elements/C1/suppression");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("C1");
        checkPage("an item's deletion, to confirm", 390);
        assertThat(authoring.open(code, DRAFT, SOMEONE_ELSE).lock().editable()).isTrue();
    }

    @Test
    void theImportPageSendsADraftAndItsListNamesTheReferentialThenTheDraftIsDiscardedAfterConfirmation()
            throws IOException {
        String code = "VANNERIE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Path file = Files.createTempFile("referentiel-", ".json");
        Files.writeString(file, """
                {"format": "referentia/framework@1",
                 "framework": {"code": "%s", "kind": "CQP", "title": "CQP de vannier", "version": "1",
                               "status": "PUBLISHED"},
                 "items": [{"code": "C1", "type": "COMPETENCY", "text": "Tresser un panier d'osier"}]}
                """.formatted(code));
        try {
            chromium.signIn(port, ADMIN);
            chromium.open(port, "/referentiels/import");
            WebElement box = browser.findElement(By.id("publish"));
            assertThat(box.isSelected()).isFalse();
            checkPage("import page", 1366);
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
            chromium.until(ExpectedConditions.urlMatches("/travaux/[0-9a-f-]{36}$"));
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("job-result")));
            checkPage("the import's job, done", 1366);
            assertThat(catalog.versions(code, true)).extracting(VersionRow::status)
                    .containsExactly(FrameworkStatus.DRAFT);

            chromium.open(port, "/referentiels/import");
            WebElement row = browser.findElement(By.cssSelector("#imports-recents tbody tr"));
            assertThat(row.getText()).contains(code + " · version 1", "Terminé");
            assertThat(row.findElement(By.tagName("td")).getText()).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            shot("after-import-1366.png", 0, -1);
            chromium.width(390);
            checkPage("import page with its list", 390);
            chromium.width(HeadlessChromium.DESKTOP);

            // The draft's page leads to its discard, which asks for the code first.
            row.findElement(By.linkText(code + " · version 1")).click();
            chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("abandonner"))).click();
            chromium.until(ExpectedConditions.textToBe(By.tagName("h1"), "Abandonner ce brouillon ?"));
            checkPage("discard confirmation", 1366);
            browser.findElement(By.id("confirmation")).sendKeys("PAS-LE-BON");
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation-erreur")));
            assertThat(catalog.exists(code)).isTrue();
            browser.findElement(By.id("confirmation")).clear();
            browser.findElement(By.id("confirmation")).sendKeys(code);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .flash"), "est abandonnée"));
            assertThat(catalog.exists(code)).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String draftOfTheFixture(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        importer.importFramework(AuthoringFixtures.small(code));
        versions.createDraft(code, DRAFT);
        return code;
    }

    private static String editorOf(String code) {
        return "/referentiels/" + code + "/versions/" + DRAFT + "/edition";
    }

    private CanonicalFramework.Item draftItem(String code, String itemCode) {
        return exporter.toCanonical(code, DRAFT, true).items().stream().filter(i -> i.code().equals(itemCode))
                .findFirst().orElseThrow();
    }

    /** The editor's « after » pictures: its first screen, its tree, its links. */
    private void screenshots(String code) throws IOException {
        if (System.getProperty("referentia.screenshots") == null) {
            return;
        }
        chromium.open(port, editorOf(code));
        shot("after-editor-1366.png", 0, 1000);
        shot("after-editor-tree-1366.png", top("#titre-arborescence") - 40, 900);
        shot("after-editor-links-1366.png", top("#liens") - 20, 900);
    }

    private int top(String selector) {
        return ((Number) browser.executeScript("return Math.round(document.querySelector(arguments[0])"
                + ".getBoundingClientRect().top + window.scrollY)", selector)).intValue();
    }

    /** A picture of the page from {@code y}, {@code height} px high (-1: to its end), when asked for. */
    private void shot(String name, int y, int height) throws IOException {
        String folder = System.getProperty("referentia.screenshots");
        if (folder == null) {
            return;
        }
        int pageHeight = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).intValue();
        int h = height < 0 ? pageHeight - y : Math.min(height, pageHeight - y);
        Map<String, Object> result = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", y, "width", 1366, "height", h, "scale", 1)));
        Files.write(Path.of(folder, name), Base64.getDecoder().decode((String) result.get("data")));
    }

    private void checkPage(String what, int width) throws IOException {
        chromium.assertNoSidewaysScroll(what, width);
        chromium.assertAccessible("the " + what + " at " + width + " px");
    }
}
