package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.AccountDirectory;
import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.Assessments.AssessmentInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12's « Done means », in a real browser on the demo accounts: HR builds a job profile from the branch
 * framework and assigns it; the employee self-assesses with a file as evidence; the manager assesses; the employee
 * sees the gap analysis and the VAE suggestion; HR sees the heat map, exports the draft plan, records a career
 * interview and downloads its PDF. axe-core finds nothing serious or critical on these pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GpecJourneyBrowserTest {

    static final String HR = "org-hr@demo.referentia.fr";
    static final String MANAGER = "manager@demo.referentia.fr";
    static final String EMPLOYEE = "employee@demo.referentia.fr";
    static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Assessments assessments;

    @Autowired
    Clock clock;

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
    void fromAJobProfileToTheGapTheVaeSuggestionTheHeatMapThePlanAndACareerInterview() throws IOException {
        UUID organisation = directory.findByEmail(HR).orElseThrow().organisationId();
        UUID employee = directory.findByEmail(EMPLOYEE).orElseThrow().id();
        LocalDate today = LocalDate.now(clock);
        // The employee has already shown five of the CQP's six competencies (their own assessments).
        for (String item : List.of("C1", "C2", "C3", "C4", "C5")) {
            assessments.record(EMPLOYEE, organisation, employee, new AssessmentInput(CQP, "1", item, 3, null,
                    "Montré en situation", null, List.of()));
        }

        // HR builds a job profile from the branch framework, ticking a whole activity.
        chromium.signIn(port, HR);
        chromium.open(port, "/gpec/organismes/" + organisation + "/fiches-de-poste");
        browser.findElement(By.id("title")).sendKeys("Formatrice (parcours complet)");
        browser.findElement(By.id("title")).submit();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Formatrice (parcours complet)"));
        String profileId = browser.getCurrentUrl().replaceAll(".*/fiches-de-poste/([0-9a-f-]{36}).*", "$1");
        new Select(browser.findElement(By.id("referentiel"))).selectByValue("RAC-METIERS-FORMATION");
        browser.findElement(By.id("referentiel")).submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("group-0"))).click();
        new Select(browser.findElement(By.id("add-level"))).selectByValue("3");
        browser.findElement(By.id("add-level")).submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=key]")));
        assertThat(browser.findElements(By.cssSelector("input[name=key]"))).hasSizeGreaterThanOrEqualTo(3);
        chromium.assertAccessible("fiche de poste");

        // HR assigns it to the employee, in the manager's team, from today (hired five years ago: R2's seniority).
        chromium.open(port, "/gpec/organismes/" + organisation + "/equipes");
        WebElement assignment = browser.findElement(By.cssSelector("form[action$='/personnes/" + employee + "/poste']"));
        new Select(assignment.findElement(By.name("teamId"))).selectByVisibleText("Pôle administratif");
        new Select(assignment.findElement(By.name("jobProfileId"))).selectByValue(profileId);
        browser.executeScript("arguments[0].value = arguments[1]", assignment.findElement(By.name("since")),
                today.toString());
        assignment.submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElements(By.cssSelector(".alert"))).isEmpty();
        chromium.assertAccessible("équipes et postes");
        chromium.forgetSession();

        // The employee self-assesses the first required competency, with a file as evidence.
        chromium.signIn(port, EMPLOYEE);
        chromium.open(port, "/gpec/mes-competences");
        WebElement first = browser.findElement(By.cssSelector("table.data form"));
        String item = first.findElement(By.name("itemCode")).getDomAttribute("value");
        new Select(first.findElement(By.name("level"))).selectByValue("3");
        Path evidence = Files.createTempFile("preuve-", ".txt");
        Files.writeString(evidence, "Programme de la session animée le mois dernier.");
        first.findElement(By.name("file")).sendKeys(evidence.toAbsolutePath().toString());
        first.submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href^='/fichiers/']")));
        chromium.assertAccessible("mes compétences");
        chromium.forgetSession();

        // The manager assesses the same competency one level lower.
        chromium.signIn(port, MANAGER);
        chromium.open(port, "/gpec/organismes/" + organisation + "/personnes/" + employee);
        WebElement managerForm = browser.findElements(By.cssSelector("table.data form")).stream()
                .filter(f -> item.equals(f.findElement(By.name("itemCode")).getDomAttribute("value"))).findFirst()
                .orElseThrow();
        new Select(managerForm.findElement(By.name("level"))).selectByValue("2");
        managerForm.submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        chromium.forgetSession();

        // The employee sees the gap to their job (the manager's level counts) and, to the CQP, the VAE suggestion.
        chromium.signIn(port, EMPLOYEE);
        chromium.open(port, "/gpec/mes-ecarts");
        WebElement row = browser.findElement(By.cssSelector("tr[data-item='" + item + "']"));
        assertThat(row.getDomAttribute("data-status")).isEqualTo("GAP");
        assertThat(browser.findElement(By.cssSelector("svg.gap-chart title")).getDomProperty("textContent"))
                .contains("Graphique des écarts");
        chromium.assertAccessible("écarts au poste");
        new Select(browser.findElement(By.id("certification"))).selectByValue(CQP);
        browser.findElement(By.id("certification")).submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".vae-suggested")));
        assertThat(browser.findElement(By.cssSelector(".vae-suggested a")).getDomAttribute("href"))
                .isEqualTo("/referentiels/" + CQP);
        chromium.assertAccessible("écarts à la certification");
        chromium.forgetSession();

        // HR: the heat map, the draft plan as XLSX, a career interview and its PDF copy.
        chromium.signIn(port, HR);
        chromium.open(port, "/gpec/organismes/" + organisation + "/cartographie");
        assertThat(browser.findElement(By.cssSelector("table.heatmap")).getText()).contains("Pôle administratif", item);
        chromium.assertAccessible("cartographie");
        chromium.open(port, "/gpec/organismes/" + organisation + "/plan-de-developpement");
        assertThat(browser.findElement(By.cssSelector("table.data")).getText()).contains(item);
        assertThat(download("/gpec/organismes/" + organisation + "/plan-de-developpement.xlsx"))
                .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        chromium.assertAccessible("projet de plan");
        chromium.open(port, "/organismes/" + organisation + "/personnes/" + employee + "/entretiens-professionnels");
        int before = browser.findElements(By.cssSelector("article[data-interview]")).size();
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("date")),
                today.minusDays(1).toString());
        browser.findElement(By.id("topic-0")).click();
        browser.findElement(By.id("topic-4")).click();
        browser.findElement(By.id("followUps")).sendKeys("Préparer un dossier de VAE pour le CQP.");
        browser.findElement(By.id("followUps")).submit();
        chromium.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElements(By.cssSelector("article[data-interview]"))).hasSize(before + 1);
        String pdf = browser.findElement(By.cssSelector("article[data-interview] a[href$='copie.pdf']")).getDomAttribute("href");
        assertThat(download(pdf)).startsWith("200 application/pdf");
        chromium.assertAccessible("entretiens de parcours professionnel");
    }



    /** Fetches a download with the page's session: "status content-type size". */
    private String download(String path) {
        return (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
                    + r.headers.get('content-type') + ' ' + b.byteLength))).catch(e => done('ERROR ' + e));
                """, path);
    }

}
