package fr.referentia.framework.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkViews.VersionRow;
import fr.referentia.framework.ItemType;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.JobView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 9, part 6: a JSON import arrives as a draft whatever status its file states, unless publishing is
 * asked (API {@code publish=true}, the page's checkbox); the spreadsheet template explains itself, shows
 * examples and lets the spreadsheet check types and yes/no; a file filled from it as a person would is
 * imported; the list of imports names the referential and the date; a failed job shows no progress bar.
 */
@IntegrationTest
class ImportArrivalTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    FrameworkCatalog catalog;

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A canonical JSON file that states it is published. */
    static String publishedFile(String code) {
        return """
                {"format": "referentia/framework@1",
                 "framework": {"code": "%s", "kind": "CQP", "title": "Référentiel de vannerie", "version": "1",
                               "status": "PUBLISHED", "validationDate": "2024-10-02"},
                 "items": [{"code": "C1", "type": "COMPETENCY", "text": "Tresser un panier d'osier"}]}
                """.formatted(code);
    }

    List<FrameworkStatus> statuses(String code) {
        return catalog.versions(code, true).stream().map(VersionRow::status).toList();
    }

    @Test
    void aJsonFileStatingPublishedArrivesAsADraft() throws Exception {
        String code = "ARRIVEE-" + unique();
        mvc.perform(post("/api/v1/frameworks/import").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(publishedFile(code)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("DRAFT")));

        assertThat(statuses(code)).containsExactly(FrameworkStatus.DRAFT);
        assertThat(catalog.currentVersionLabels()).doesNotContainKey(code);
        mvc.perform(get("/api/v1/frameworks/" + code)).andExpect(status().isNotFound());
    }

    @Test
    void publishTrueOnTheApiPublishesAtOnce() throws Exception {
        String code = "PUBLIE-" + unique();
        mvc.perform(post("/api/v1/frameworks/import").param("publish", "true").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(publishedFile(code)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("PUBLISHED")));
        assertThat(catalog.currentVersionLabels()).containsEntry(code, "1");

        // A file stating a draft is published too when asked, and in the background as well.
        String background = "PUBLIE-FOND-" + unique();
        String location = mvc.perform(post("/api/v1/frameworks/import").param("async", "true")
                        .param("publish", "true").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(publishedFile(background).replace("\"PUBLISHED\"", "\"DRAFT\"")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        assertThat(awaitEnd(location).state()).isEqualTo(JobState.DONE);
        assertThat(statuses(background)).containsExactly(FrameworkStatus.PUBLISHED);
    }

    @Test
    void theImportPageSendsADraftUnlessItsBoxIsTicked() throws Exception {
        String draft = "PAGE-BROUILLON-" + unique();
        String published = "PAGE-PUBLIE-" + unique();
        Document form = Jsoup.parse(mvc.perform(get("/referentiels/import").with(user(ADMIN).roles("BRANCH_ADMIN")))
                .andReturn().getResponse().getContentAsString());
        Element box = form.getElementById("publish");
        assertThat(box.attr("type")).isEqualTo("checkbox");
        assertThat(box.hasAttr("checked")).isFalse();
        assertThat(form.select("label[for=publish]").text()).isEqualTo("Publier aussitôt le référentiel importé");

        for (String code : List.of(draft, published)) {
            var request = multipart("/referentiels/import")
                    .file(new MockMultipartFile("file", code.toLowerCase() + ".json", "application/json",
                            publishedFile(code).getBytes(StandardCharsets.UTF_8)))
                    .with(user(ADMIN).roles("BRANCH_ADMIN")).with(csrf());
            if (code.equals(published)) {
                request.param("publish", "true");
            }
            String job = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                    .getRedirectedUrl();
            assertThat(awaitEnd(job).state()).isEqualTo(JobState.DONE);
        }
        assertThat(statuses(draft)).containsExactly(FrameworkStatus.DRAFT);
        assertThat(statuses(published)).containsExactly(FrameworkStatus.PUBLISHED);
    }

    @Test
    void theListOfImportsNamesTheReferentialAndTheDate() throws Exception {
        String owner = "liste-" + unique().toLowerCase() + "@example.fr";
        String code = "LISTE-" + unique();
        UUID done = jobs.submitFile(owner, "liste.csv", """
                code;type;texte
                C1;Compétence;Tresser un panier d'osier
                """.getBytes(StandardCharsets.UTF_8), null,
                new fr.referentia.framework.exchange.FrameworkImport.Metadata(code, "Liste", "CQP", "3"));
        UUID failed = jobs.submitFile(owner, "faux.csv", "code;type;texte\nC1;INCONNU;x\n"
                .getBytes(StandardCharsets.UTF_8), null,
                new fr.referentia.framework.exchange.FrameworkImport.Metadata("FAUX-" + unique(), "Faux", "CQP", "1"));
        JobView doneJob = awaitEnd("/travaux/" + done, owner);
        assertThat(awaitEnd("/travaux/" + failed, owner).state()).isEqualTo(JobState.FAILED);

        Document page = Jsoup.parse(mvc.perform(get("/referentiels/import").with(user(owner).roles("BRANCH_ADMIN")))
                .andReturn().getResponse().getContentAsString());
        var rows = page.select("#imports-recents tbody tr");
        assertThat(rows).hasSize(2);
        Element failedRow = rows.get(0);
        Element doneRow = rows.get(1);
        String date = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"))
                .format(doneJob.createdAt());
        assertThat(doneRow.select("td").get(0).text()).isEqualTo(date);
        assertThat(doneRow.select("td").get(1).text()).isEqualTo(code + " · version 3");
        assertThat(doneRow.select("td a").first().attr("href")).isEqualTo("/referentiels/" + code + "/versions/3");
        assertThat(doneRow.select("td").get(2).text()).isEqualTo("liste.csv");
        assertThat(failedRow.select("td").get(1).text()).isEqualTo("Aucun : rien n'a été importé");
        assertThat(failedRow.select("td").get(3).text()).isEqualTo("Échec.");

        // The failed job's page: its problems, and no progress bar (neither empty nor full).
        Document failedPage = Jsoup.parse(mvc.perform(get("/travaux/" + failed).with(user(owner).roles("BRANCH_ADMIN")))
                .andReturn().getResponse().getContentAsString());
        assertThat(failedPage.select("progress")).isEmpty();
        assertThat(failedPage.getElementById("job-error")).isNotNull();
        assertThat(failedPage.select("table.data td").text()).contains("INCONNU");
    }

    @Test
    void theTemplateExplainsItselfShowsExamplesAndLetsTheSpreadsheetCheckTypesAndYesNo() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/frameworks/import/template")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Mode d'emploi");
            String guide = text(workbook.getSheet("Mode d'emploi"));
            assertThat(guide).contains("code_parent", "incontournable", "« Types »", "brouillon",
                    "les formules sont refusées");

            Sheet types = workbook.getSheet("Types");
            assertThat(types.getRow(1).getCell(0).getStringCellValue()).isEqualTo(ItemType.values()[0].label());
            assertThat(types.getLastRowNum()).isEqualTo(ItemType.values().length);

            XSSFSheet items = workbook.getSheet("Éléments");
            assertThat(items.getRow(0).getCell(2).getStringCellValue()).isEqualTo("type");
            assertThat(items.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Domaine");
            assertThat(items.getPhysicalNumberOfRows()).isGreaterThan(3);
            List<? extends DataValidation> validations = items.getDataValidations();
            assertThat(validations).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn())
                    .contains(2, 5, 6);
            DataValidation type = validations.stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 2).findFirst().orElseThrow();
            assertThat(type.getValidationConstraint().getFormula1()).isEqualTo("Types!$A$2:$A$15");
            assertThat(type.getShowErrorBox()).isTrue();
            // Excel hides a list's arrow when showDropDown="1"; POI's XSSF reads showDropDown="0" as "suppressed".
            assertThat(type.getSuppressDropDownArrow()).isTrue();
            assertThat(yesNoArrow(items)).isTrue();
            DataValidation yesNo = validations.stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 5).findFirst().orElseThrow();
            assertThat(yesNo.getValidationConstraint().getExplicitListValues()).containsExactly("oui", "non");
        }
        // The template as downloaded, examples and all, is a valid file.
        String code = "MODELE-" + unique();
        mvc.perform(multipart("/api/v1/frameworks/import")
                        .file(new MockMultipartFile("file", "modele-referentiel.xlsx", "application/octet-stream", template))
                        .param("code", code).param("title", "Modèle").param("kind", "CQP").param("version", "1")
                        .with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isCreated());
    }

    @Test
    void aFileFilledFromTheTemplateAsAPersonWouldIsImported() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/frameworks/import/template")).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet items = workbook.getSheet("Éléments");
            // The examples go; the person's rows take their place, types typed as the list offers them (an
            // apostrophe typed as ’ by the spreadsheet's autocorrection), « oui »/« non », an empty position.
            for (int r = items.getLastRowNum(); r >= 1; r--) {
                items.removeRow(items.getRow(r));
            }
            String[][] rows = {
                    {"BC1", "", "Bloc de compétences", "", "Concevoir des paniers", "", "", ""},
                    {"BC1-C1", "BC1", "Compétence", "", "Tresser un panier d'osier", "", "", ""},
                    {"BC1-C1.G1", "BC1-C1", "Groupe d’éléments", "", "Préparation de l'osier", "", "", ""},
                    {"BC1-C1.E1", "BC1-C1.G1", "élément de compétence", "", "Faire tremper l'osier", "oui", "", ""},
                    {"BC1-C1.E2", "BC1-C1.G1", "Élément de compétence", "", "Trier les brins", "non", "2",
                            "Dans le cas d'un atelier partagé"},
                    {"BC1-C1.CR1", "BC1-C1", "Critère d'évaluation", "", "Le panier est solide", "", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = items.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        String code = "VANNERIE-" + unique();
        mvc.perform(multipart("/api/v1/frameworks/import")
                        .file(new MockMultipartFile("file", "vannerie.xlsx", "application/octet-stream", filled))
                        .param("code", code).param("title", "CQP de vannier").param("kind", "CQP")
                        .param("version", "1").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("DRAFT")));

        var outline = catalog.outline(code, "1", true);
        assertThat(outline.summary().counts()).containsEntry(ItemType.BLOCK, 1L).containsEntry(ItemType.COMPETENCY, 1L)
                .containsEntry(ItemType.ELEMENT_GROUP, 1L).containsEntry(ItemType.ELEMENT, 2L)
                .containsEntry(ItemType.CRITERION, 1L);
        var element = catalog.item(code, "1", "BC1-C1.E1", true).item();
        assertThat(element.essential()).isTrue();
        assertThat(catalog.item(code, "1", "BC1-C1.E2", true).item().context()).isEqualTo("Dans le cas d'un atelier partagé");
    }

    /** Whether the « incontournable » list shows its arrow in Excel (showDropDown absent or "0"). */
    private static boolean yesNoArrow(XSSFSheet items) {
        var lists = items.getCTWorksheet().getDataValidations().getDataValidationList().stream()
                .filter(v -> v.getSqref().toString().contains("F2:F")).toList();
        return !lists.isEmpty() && lists.stream().noneMatch(v -> v.getShowDropDown());
    }

    private static String text(Sheet sheet) {
        StringBuilder all = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> all.append(cell.getStringCellValue()).append('\n')));
        return all.toString();
    }

    private JobView awaitEnd(String jobUrl) throws InterruptedException {
        return awaitEnd(jobUrl, ADMIN);
    }

    private JobView awaitEnd(String jobUrl, String owner) throws InterruptedException {
        UUID id = UUID.fromString(jobUrl.substring(jobUrl.lastIndexOf('/') + 1));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JobView job = jobs.job(id, owner);
        while (!job.ended() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = jobs.job(id, owner);
        }
        assertThat(job.ended()).as("import %s still %s after %s", id, job.state(), PATIENCE).isTrue();
        return job;
    }
}
