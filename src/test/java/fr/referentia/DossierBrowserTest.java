package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.Role;
import fr.referentia.certification.AdmissibilityForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 13, « Done means »: a candidate applies to the CQP Conseiller commercial, the office declares
 * the request admissible, the candidate fills the dossier competency by competency (saved as they type),
 * adds a proof and the written piece, submits it, and the dossier PDF is produced; axe-core finds nothing
 * serious or critical on the dossier pages. On the way, the candidate names the organisation that accompanies
 * them, found as they type its name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "un dossier VAE bien rempli";
    private static final String OFFICE = "certification-office@demo.referentia.fr";

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("1366,900", "fr-FR,fr").waitingUpTo(WAIT);
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCandidateAppliesIsDeclaredAdmissibleFillsAndSubmitsTheDossierAndGetsItsPdf() throws Exception {
        String candidate = "parcours-" + UUID.randomUUID().toString().substring(0, 8) + "@candidats.example.fr";
        administration.createUser("branch-admin@demo.referentia.fr", candidate, "Dominique Parcours", Role.CANDIDATE,
                null);
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE email = ?", passwords.encode(PASSWORD), candidate);

        // The candidate applies from the certification's page.
        chromium.signIn(port, candidate, PASSWORD);
        chromium.open(port, "/certifications/CQP-CONSEILLER-COMMERCIAL");
        browser.findElement(By.xpath("//button[normalize-space()='Commencer ma demande']")).click();
        chromium.until(ExpectedConditions.urlMatches("/candidatures/[0-9a-f-]{36}"));
        String application = browser.getCurrentUrl().replaceAll(".*/candidatures/([0-9a-f-]{36}).*", "$1");

        // The admissibility form (its own tests fill it field by field) goes in through the API, the pay slip
        // and the submission through the page.
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/applications/" + application + "/admissibility-form"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((candidate + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(AdmissibilityForm.EXAMPLE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        chromium.open(port, "/candidatures/" + application);
        browser.findElement(By.id("file")).sendKeys(pdf(1, "bulletin").toString());
        browser.findElement(By.xpath("//button[normalize-space()='Joindre']")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Justificatif joint"));
        browser.findElement(By.xpath("//button[normalize-space()='Déposer ma demande au secrétariat de la CPEF']")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Demande déposée"));
        chromium.forgetSession();

        // The office declares it admissible.
        chromium.signIn(port, OFFICE, "referentia-demo");
        chromium.open(port, "/candidatures/" + application);
        browser.findElement(By.cssSelector("input[name=decision][value=FAVOURABLE]")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Recevable"));
        chromium.forgetSession();

        // The candidate fills the dossier, competency by competency.
        chromium.signIn(port, candidate, PASSWORD);
        chromium.open(port, "/candidatures/" + application + "/dossier");
        chromium.assertAccessible("the page");

        // The accompanying organisation, found as the candidate types its name (the page's script asks the API;
        // the page itself does not change address).
        String dossierAddress = browser.getCurrentUrl();
        browser.findElement(By.id("organisme")).sendKeys("démonstr");
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisme-resultats-etat"),
                "organisme(s) trouvé(s)."));
        assertThat(browser.getCurrentUrl()).isEqualTo(dossierAddress);
        WebElement found = browser.findElement(By.xpath("//div[@id='organisme-choix']//label[starts-with(normalize-space(), "
                + "'Organisme de démonstration')]"));
        found.click();
        browser.findElement(By.xpath("//section[@aria-labelledby='accompagnement']//button[normalize-space()='Enregistrer']"))
                .click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
                "Organisme accompagnateur enregistré"));
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=accompagnement]")).getText())
                .contains("Organisme actuel : Organisme de démonstration.");
        browser.findElement(By.id("organisme")).sendKeys("zz-aucun-organisme");
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisme-resultats-etat"),
                "Aucun organisme ne porte ce nom."));
        assertThat(browser.findElements(By.cssSelector("#organisme-choix input[type=radio]"))).isEmpty();
        // A fresh page: the next step waits for a notice, and the one above must not be read while the page changes.
        chromium.open(port, "/candidatures/" + application + "/dossier");

        browser.findElement(By.id("proof-file")).sendKeys(pdf(1, "plan-actions").toString());
        browser.findElement(By.xpath("//button[normalize-space()='Déposer la preuve']")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "plan-actions.pdf"));
        List<String> competencies = browser.findElements(By.cssSelector("#contenu table a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(competencies).hasSize(6);
        boolean first = true;
        for (String competency : competencies) {
            browser.get(competency);
            chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
            assertThat(browser.findElements(By.cssSelector(".save-button")).stream().noneMatch(WebElement::isDisplayed))
                    .as("with JavaScript the answers save themselves: no button").isTrue();
            if (first) {
                chromium.assertAccessible("the page");
            }
            // The written piece first: its upload reloads the page.
            if (!browser.findElements(By.id("written-piece")).isEmpty()) {
                browser.findElement(By.id("written-piece")).sendKeys(pdf(6, "offre-de-formation").toString());
                browser.findElement(By.xpath("//button[normalize-space()='Déposer le document écrit']")).click();
                chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "(6 pages)"));
            }
            for (WebElement activity : browser.findElements(By.cssSelector("fieldset.activity"))) {
                activity.findElement(By.cssSelector("input[type=radio][value=true]")).click();
                activity.findElement(By.cssSelector("textarea[name^=examples_]"))
                        .sendKeys("Exemple vécu : une action menée pour un client du secteur sanitaire.");
                if (first) {
                    activity.findElement(By.cssSelector("input[name^=proofs_]")).click();
                    first = false;
                }
            }
            for (WebElement answer : browser.findElements(By.cssSelector("textarea[name^=answer_]"))) {
                answer.sendKeys("Je préparais chaque semaine mes actions à partir des objectifs fixés.");
            }
            // Saved by the page's script as the candidate types; complete once the last change is saved.
            chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "compétence complète"));
        }

        chromium.open(port, "/candidatures/" + application + "/dossier");
        assertThat(browser.findElement(By.id("contenu")).getText()).contains("Votre dossier est complet");
        browser.findElement(By.name("sworn")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Déposer mon dossier']")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Dossier déposé (version 1)"));
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Dossier déposé");
        chromium.assertAccessible("the page");

        // The dossier's PDF, as the candidate's browser downloads it.
        String pdf = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b =>
                    done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))) + ' ' + b.byteLength)));
                """, base() + "/candidatures/" + application + "/dossier.pdf");
        String[] parts = pdf.split(" ");
        assertThat(parts[0]).isEqualTo("200");
        assertThat(parts[1]).isEqualTo("application/pdf");
        assertThat(parts[2]).isEqualTo("%PDF-");
        assertThat(Integer.parseInt(parts[3])).isGreaterThan(20_000);
    }

    private static Path pdf(int pages, String name) throws IOException {
        Path file = Files.createTempDirectory("dossier").resolve(name + ".pdf");
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            Files.write(file, out.toByteArray());
        }
        return file;
    }

    private String base() {
        return "http://localhost:" + port;
    }



}
