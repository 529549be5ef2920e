package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.AccountAdministration;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkExporter;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.authoring.AuthoringFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End-to-end in a real headless Chromium against the application on a random port (same
 * embedded PostgreSQL and seeds as every other test context): the search journey, then axe-core
 * on the main pages, under the production Content-Security-Policy.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages; nothing is downloaded
 * (the driver and the browser are given explicitly, so Selenium Manager is never consulted).
 */
// The seeds are small: a lower threshold makes their comparison take the path of a large one (a job).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "referentia.comparison.background-from=1000")
class BrowserJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String axeSource;

    @LocalServerPort
    int port;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    AccountAdministration administration;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    FrameworkExporter exporter;

    @BeforeAll
    static void startBrowser() throws IOException {
        axeSource = HeadlessChromium.axeSource();
        // The pages are French whatever the browser asks (LocaleConfig); French is asked anyway.
        chromium = HeadlessChromium.start("1280,1024", "fr-FR,fr", "--lang=fr-FR").waitingUpTo(WAIT);
        browser = chromium.browser();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void searchFromTheHomePageThenOpenTheBestHit() {
        chromium.open(port, "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Référentiels de la branche");

        WebElement box = browser.findElement(By.id("recherche-q"));
        WebElement label = browser.findElement(By.cssSelector("label[for='recherche-q']"));
        assertThat(label.getDomProperty("textContent")).isEqualTo("Rechercher dans les référentiels");
        box.sendKeys("évaluation des acquis");
        assertThat(box.getDomProperty("value")).isEqualTo("évaluation des acquis");
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();

        chromium.until(ExpectedConditions.urlContains("/recherche?"));
        List<WebElement> hits = chromium.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("ol.hits > li.hit"), 1));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Recherche : « évaluation des acquis »");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).matches("[\\d\\s\u202f\u00a0]+ résultats");
        assertThat(browser.findElement(By.id("recherche-q")).getDomProperty("value")).isEqualTo("évaluation des acquis");
        assertThat(browser.findElements(By.cssSelector(".notice")).stream().map(WebElement::getText))
                .as("the best hits hold every word: no relaxed search").noneMatch(text -> text.contains("Aucun élément"));

        WebElement best = hits.get(0);
        String frameworkCode = best.findElement(By.cssSelector(".framework")).getText();
        String itemCode = best.findElement(By.cssSelector(".code")).getText();
        WebElement highlight = best.findElement(By.cssSelector(".highlight"));
        assertThat(highlight.getText()).containsIgnoringCase("acquis").containsIgnoringCase("évaluation");
        List<String> marked = highlight.findElements(By.tagName("mark")).stream().map(WebElement::getText)
                .map(word -> word.toLowerCase(Locale.FRENCH)).toList();
        assertThat(marked).as("highlighted words of the best hit").isNotEmpty()
                .anySatisfy(word -> assertThat(word).contains("acqui"))
                .anySatisfy(word -> assertThat(word).contains("évalu"));
        assertThat(browser.findElements(By.cssSelector("ol.hits mark")).size()).isGreaterThan(hits.size());

        best.findElement(By.tagName("a")).click();

        chromium.until(ExpectedConditions.urlContains("/referentiels/" + frameworkCode + "/elements/" + itemCode));
        var expected = catalog.item(frameworkCode, itemCode);
        WebElement breadcrumbs = browser.findElement(By.cssSelector("nav[aria-label=\"Fil d'Ariane\"]"));
        List<String> crumbs = breadcrumbs.findElements(By.cssSelector("li")).stream().map(WebElement::getText).toList();
        assertThat(crumbs.get(0)).isEqualTo("Référentiels");
        assertThat(crumbs.get(1)).isEqualTo(expected.framework().title());
        assertThat(crumbs.get(crumbs.size() - 1)).endsWith(itemCode);
        assertThat(breadcrumbs.findElement(By.cssSelector("[aria-current=page]")).getText()).endsWith(" " + itemCode);
        assertThat(breadcrumbs.findElement(By.linkText(expected.framework().title())).getDomProperty("href"))
                .endsWith("/referentiels/" + frameworkCode);
        assertThat(browser.findElement(By.cssSelector(".item-code")).getText()).isEqualTo(itemCode);
        String text = browser.findElement(By.tagName("h1")).getText();
        assertThat(text).containsIgnoringCase("acquis")
                .isEqualToIgnoringWhitespace(expected.item().text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/referentiels/RAC-METIERS-FORMATION", "/referentiels/CQP-CONSEILLER-COMMERCIAL/elements/C1",
            "/recherche?q=évaluation des acquis", "/referentiels/CQP-GESTIONNAIRE-DISPOSITIFS/versions/2024-10",
            "/referentiels/CQP-GESTIONNAIRE-DISPOSITIFS/versions/2024-10/diff?avec=2024-10"})
    void pageHasNoSeriousOrCriticalAccessibilityViolation(String path) throws IOException {
        chromium.open(port, path);
        assertThat(browser.findElement(By.tagName("main")).getText()).isNotBlank();
        assertThat(browser.getTitle()).endsWith("· Referentia").doesNotStartWith("Erreur");

        List<Map<String, Object>> violations = axe();

        List<Map<String, Object>> blocking = HeadlessChromium.blocking(violations);
        assertThat(blocking).as("axe-core %s on %s:%n%s", axeVersion(), path, HeadlessChromium.describe(blocking))
                .isEmpty();
        if (!violations.isEmpty()) {
            System.out.printf("axe-core, minor or moderate on %s:%n%s%n", path, HeadlessChromium.describe(violations));
        }
    }

    /**
     * Runs axe-core in the page. WebDriver's script execution goes through the DevTools protocol,
     * which the page's {@code script-src 'self'} does not govern, so the production policy stays as
     * it is; a listener proves nothing was blocked meanwhile.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> axe() throws IOException {
        JavascriptExecutor js = browser;
        String csp = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(location.href, {method: 'HEAD'})
                  .then(r => done(r.headers.get('Content-Security-Policy')), e => done('fetch failed: ' + e));
                """);
        assertThat(csp).as("the page is served with the production CSP").contains("script-src 'self'");
        js.executeScript("""
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
                """);
        js.executeScript(axeSource);
        assertThat(js.executeScript("return typeof window.axe === 'object' && window.axe.version"))
                .as("axe-core injected despite the CSP").asString().startsWith("4.");
        String result = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {
                    resultTypes: ['violations'],
                    // experimental in axe 4.6 but it checks WCAG 2.5.3 "Label in Name" (level A)
                    rules: {'label-content-name-mismatch': {enabled: true}}
                  })
                  .then(r => done(JSON.stringify({
                    passes: r.passes.length,
                    violations: r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
                    }))
                  })))
                  .catch(e => done('ERROR ' + e));
                """);
        assertThat(result).as("axe.run").doesNotStartWith("ERROR");
        assertThat((List<String>) js.executeScript("return window.__cspViolations"))
                .as("CSP violations while axe ran").isEmpty();
        Map<String, Object> report = JSON.readValue(result, new TypeReference<>() {
        });
        assertThat((Integer) report.get("passes")).as("axe-core rules that passed").isPositive();
        return (List<Map<String, Object>>) report.get("violations");
    }

    private String axeVersion() {
        return String.valueOf(browser.executeScript("return window.axe && window.axe.version"));
    }

    /**
     * Issue "accounts": HR invites a person, who opens the e-mailed link, chooses a password,
     * signs in for the first time and downloads "Mes données".
     */
    @Test
    void invitationThenFirstLoginThenPersonalDataDownload() throws IOException {
        UUID organisation = administration.organisations().stream()
                .filter(o -> o.getName().equals("Organisme de démonstration")).findFirst().orElseThrow().getId();
        String email = "nouvelle-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.referentia.fr";

        chromium.signIn(port, "org-hr@demo.referentia.fr", "referentia-demo");
        chromium.open(port, "/organismes/" + organisation + "/personnes");
        assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .as("people page").isEmpty();
        browser.findElement(By.id("displayName")).sendKeys("Alex Nouvel");
        browser.findElement(By.id("email")).sendKeys(email);
        new Select(browser.findElement(By.id("role"))).selectByValue("EMPLOYEE");
        browser.findElement(By.cssSelector("form[aria-labelledby=nouveau-compte] button[type=submit]")).click();
        assertThat(chromium.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]"))).getText())
                .contains(email);
        openAccountMenu();
        browser.findElement(By.cssSelector("form[action$='/deconnexion'] button")).click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));

        String link = TestMailServer.linkPath(TestMailServer.awaitMessagesTo(email, 1).get(0), "/invitation/");
        chromium.open(port, link);
        assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo(email);
        browser.findElement(By.id("password")).sendKeys("trois pommes sur la table");
        browser.findElement(By.id("confirmation")).sendKeys("trois pommes sur la table");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        chromium.until(ExpectedConditions.urlContains("/connexion"));

        chromium.signIn(port, email, "trois pommes sur la table");
        chromium.open(port, "/mes-donnees");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(email, "Alex Nouvel");
        assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .as("Mes données").isEmpty();
        String archive = browser.findElement(By.cssSelector("a[href$='/mes-donnees/archive.zip']"))
                .getDomProperty("href");
        // Downloaded with the browser's own session: a ZIP (its first bytes are "PK") holding the person's JSON.
        String answer = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + String.fromCharCode(bytes[0], bytes[1]));
                }, e => done('fetch failed: ' + e));
                """, archive);
        assertThat(answer).isEqualTo("200 application/zip PK");
    }

    /**
     * Issue 4: a branch administrator uploads a CSV on the import page and follows the background
     * import on its page (a progress bar moved by the page's script) until « Import terminé ».
     */
    @Test
    void branchAdminImportsASpreadsheetAndFollowsItsProgress() throws IOException {
        String code = "NAVIGATEUR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Path csv = Files.createTempFile("referentiel-", ".csv");
        Files.writeString(csv, """
                code;code_parent;type;texte;incontournable
                D1;;DOMAIN;Accompagner les parcours de formation;
                C1;D1;COMPETENCY;Analyser la demande de formation du client;
                C1.E1;C1;ELEMENT;Identifier les besoins en compétences de l'entreprise;oui
                """);
        try {
            chromium.signIn(port, "branch-admin@demo.referentia.fr", "referentia-demo");
            chromium.open(port, "/referentiels/import");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Importer un référentiel");
            assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                    .as("import page").isEmpty();
            browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.id("title")).sendKeys("Référentiel importé par le navigateur");
            new Select(browser.findElement(By.id("kind"))).selectByValue("CQP");
            browser.findElement(By.id("version")).sendKeys("1");
            browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();

            chromium.until(ExpectedConditions.urlMatches("/travaux/[0-9a-f-]{36}$"));
            assertThat(browser.findElement(By.id("job-progress")).getTagName()).isEqualTo("progress");
            // The page's script (job.js) polls the job and reloads the page once it is over; generous wait for a
            // loaded machine.
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.textToBe(
                    By.id("job-status"), "Terminé : 3 éléments traités."));
            assertThat(browser.findElement(By.id("job-progress")).getDomProperty("value")).isEqualTo("100");
            assertThat(browser.findElement(By.id("job-status")).getDomAttribute("aria-live")).isEqualTo("polite");
            WebElement link = browser.findElement(By.id("job-result"));
            assertThat(link.getDomProperty("href")).endsWith("/referentiels/" + code + "/versions/1");
            assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                    .as("import follow-up page").isEmpty();

            link.click();
            chromium.until(ExpectedConditions.urlContains("/referentiels/" + code + "/versions/1"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Référentiel importé par le navigateur");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Analyser la demande de formation du client");
        } finally {
            Files.deleteIfExists(csv);
            signOut();
        }
    }

    /**
     * A 50 MB upload on the import page, through the real server: refused with the French size message
     * (not a reset connection, not a CSRF refusal), and nothing imported.
     */
    @Test
    void anOversizedUploadOnTheImportPageIsRefusedInFrench() throws Exception {
        chromium.signIn(port, "branch-admin@demo.referentia.fr", "referentia-demo");
        try {
            chromium.open(port, "/referentiels/import");
            String action = browser.findElement(By.id("import-form")).getDomProperty("action");
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            String boundary = "----referentia" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\nTROP-GROS\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + 50 * 1024 * 1024 + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            java.util.Arrays.fill(body, head.length, body.length - tail.length, (byte) 'a');
            System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(action))
                    .header("Cookie", cookies).header("Accept", "text/html")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("dépasse la taille maximale acceptée (20 Mo) : rien n&#39;a été enregistré");

            // The API, in the background or not: a French problem detail, not an empty answer.
            var api = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/v1/frameworks/import?async=true"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "branch-admin@demo.referentia.fr:referentia-demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(api.body()).path("detail").asText())
                    .isEqualTo("Le fichier envoyé dépasse la taille maximale acceptée (20 Mo) : rien n'a été enregistré.");
            assertThat(catalog.list()).noneMatch(f -> f.code().equals("TROP-GROS"));
        } finally {
            signOut();
        }
    }

    private void signOut() {
        List<WebElement> logout = browser.findElements(By.cssSelector("form[action$='/deconnexion'] button"));
        if (!logout.isEmpty()) {
            openAccountMenu();
            logout.get(0).click();
            chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
        }
    }

    /**
     * Issue 4, authoring: the branch administrator opens a draft in the editor, changes a text (saved
     * on its own), marks an element essential, moves a competency down with Alt+↓, finds the new order
     * after a reload, undoes the move, then drags a competency to the top; axe-core finds nothing
     * serious on the editor.
     */
    @Test
    void branchAdministratorEditsADraftWithAutosaveKeyboardReorderAndUndo() throws IOException {
        String code = "REDACTION-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        versions.createDraft(code, "2026-01");
        String editor = "/referentiels/" + code + "/versions/2026-01/edition";

        chromium.signIn(port, "branch-admin@demo.referentia.fr", "referentia-demo");
        chromium.open(port, "/referentiels/" + code + "/versions/2026-01");
        browser.findElement(By.linkText("Modifier ce brouillon")).click();
        chromium.until(ExpectedConditions.urlContains("/edition"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Rédaction : ");
        assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .as("editor page").isEmpty();
        // server.compression: the page came gzipped (the transfer is much smaller than the page).
        Number[] sizes = ((List<?>) ((JavascriptExecutor) browser).executeScript("""
                const entry = performance.getEntriesByType("navigation")[0];
                return [entry.encodedBodySize, entry.decodedBodySize];""")).stream().map(Number.class::cast)
                .toArray(Number[]::new);
        assertThat(sizes[0].longValue()).as("editor page bytes transferred").isLessThan(sizes[1].longValue() / 3);

        WebElement text = browser.findElement(By.id("text-C1.E1"));
        text.sendKeys(" avec méthode");
        WebElement status = browser.findElement(By.id("autosave-status"));
        chromium.until(ExpectedConditions.textMatches(By.id("autosave-status"), java.util.regex.Pattern.compile("Enregistré à \\d\\d:\\d\\d")));
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(draftItem(code, "C1.E1").text()).endsWith(" avec méthode");

        browser.findElement(By.id("essential-C1.E2")).click();
        chromium.until(driver -> Boolean.TRUE.equals(draftItem(code, "C1.E2").essential()));
        chromium.until(ExpectedConditions.textToBe(By.cssSelector(".undo-form button"), "Annuler : C1.E2 marqué incontournable"));

        // Keyboard: Alt+↓ on the row of C1 moves it below C2.
        assertThat(rootOrder()).startsWith("C1", "C2");
        browser.findElement(By.cssSelector("[id='item-C1'] > .move-form .move-down"))
                .sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        chromium.until(driver -> rootOrder().size() > 1 && rootOrder().get(0).equals("C2"));
        chromium.open(port, editor);
        assertThat(rootOrder()).startsWith("C2", "C1");
        assertThat(browser.findElement(By.id("text-C1.E1")).getDomProperty("value")).endsWith(" avec méthode");
        assertThat(browser.findElement(By.id("essential-C1.E2")).isSelected()).isTrue();

        WebElement undo = browser.findElement(By.cssSelector(".undo-form button"));
        assertThat(undo.getText()).isEqualTo("Annuler : C1 descendu");
        undo.click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Annulé : C1 descendu"));
        assertThat(rootOrder()).startsWith("C1", "C2");

        // Drag and drop by the handle (HTML5 events, dispatched: WebDriver's own drag does not fire them).
        ((JavascriptExecutor) browser).executeScript("""
                const handle = document.querySelector("[id='item-C3'] > .row-head .handle");
                const target = document.getElementById("item-C1");
                const data = new DataTransfer();
                handle.dispatchEvent(new DragEvent("dragstart", {bubbles: true, dataTransfer: data}));
                target.dispatchEvent(new DragEvent("dragover", {bubbles: true, cancelable: true, dataTransfer: data}));
                target.dispatchEvent(new DragEvent("drop", {bubbles: true, cancelable: true, dataTransfer: data}));
                """);
        chromium.until(driver -> rootOrder().size() > 2 && rootOrder().get(0).equals("C3"));
        assertThat(rootOrder()).containsExactly("C3", "C1", "C2");
        assertThat(browser.findElement(By.cssSelector(".undo-form button")).getText()).isEqualTo("Annuler : C3 déplacé");

        // The rarer actions of an item are on its own page, and lead back to the item.
        browser.findElement(By.cssSelector("[id='item-C2'] > .move-form .more-actions")).click();
        chromium.until(ExpectedConditions.textToBe(By.tagName("h1"), "Actions sur C2"));
        assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .as("item actions page").isEmpty();
        browser.findElement(By.linkText("Revenir à l'éditeur")).click();
        chromium.until(ExpectedConditions.urlContains("/edition#item-C2"));
        browser.findElement(By.cssSelector("form[action$='/edition/fin'] button")).click();
        chromium.until(ExpectedConditions.urlMatches(".*/versions/2026-01$"));
        signOut();
    }

    @SuppressWarnings("unchecked")
    private List<String> rootOrder() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('ol.editor-tree > li')).map(li => li.dataset.code);");
    }

    private CanonicalFramework.Item draftItem(String code, String itemCode) {
        return exporter.toCanonical(code, "2026-01", true).items().stream().filter(i -> i.code().equals(itemCode))
                .findFirst().orElseThrow();
    }

    /**
     * Issue 4: a large comparison is offered in the background, then followed on its own page (a
     * progress bar polled by job.js while it runs) until its proposals show.
     */
    @Test
    void largeComparisonRunsInTheBackgroundUntilItsProposalsShow() throws IOException {
        chromium.signIn(port, "observer@demo.referentia.fr", "referentia-demo");
        chromium.open(port, "/comparaisons/propositions?referentiels=CQP-CONSEILLER-COMMERCIAL,RAC-METIERS-FORMATION");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("arrière-plan");
        assertThat(axe()).filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .as("start page of a large comparison").isEmpty();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        // The job's page first if the job is still running; the script reloads it when the job ends, and
        // the page of a done comparison leads to its proposals.
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "DOM4-A3-C1"));
        assertThat(browser.getCurrentUrl()).contains("/comparaisons/travaux/");
        assertThat(browser.findElements(By.id("progression"))).isEmpty();
        assertThat(browser.findElement(By.id("CQP-CONSEILLER-COMMERCIAL-C2.E4")).getText()).contains("DOM4-A3-C1");
        openAccountMenu();
        browser.findElement(By.cssSelector("form[action$='/deconnexion'] button")).click();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
    }

    /** « Déconnexion » is in the header's account menu. */
    private void openAccountMenu() {
        browser.executeScript("document.querySelector('details.account-menu').open = true");
    }



}
