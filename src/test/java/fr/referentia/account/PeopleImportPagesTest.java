package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import fr.referentia.account.bulk.TestWorkbooks;
import fr.referentia.shared.spreadsheet.CraftedXlsx;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Bulk invitation on an organisation's people page: all lines or none, with a line-by-line report. */
@IntegrationTest
class PeopleImportPagesTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transactions;

    Organisation orgA;
    Organisation orgB;
    String hrOfA;
    String suffix;

    @BeforeEach
    void twoOrganisationsAndTheHrOfTheFirst() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        orgA = organisations.save(new Organisation("Import A " + suffix, new Siret(AdministrationPagesTest.validSiret()),
                "Lyon", SizeBand.FROM_0_TO_9, OrganisationType.ASSOCIATION));
        orgB = organisations.save(new Organisation("Import B " + suffix, new Siret(AdministrationPagesTest.validSiret()),
                "Lille", SizeBand.FROM_50_TO_249, OrganisationType.PRIVATE_FOR_PROFIT));
        hrOfA = "rh-" + suffix + "@a.example.fr";
        UserAccount hr = new UserAccount(hrOfA, "RH de A", passwords.encode("un-mot-de-passe-solide"));
        hr.grant(Role.ORG_HR, orgA);
        users.save(hr);
    }

    private String address(String name) {
        return name + "-" + suffix + "@a.example.fr";
    }

    private static RequestPostProcessor as(String email) {
        return user(email).roles(email.startsWith("branch-admin") ? "BRANCH_ADMIN" : "ORG_HR");
    }

    private ResultActions upload(String requester, Organisation organisation, String filename, byte[] content)
            throws Exception {
        return mvc.perform(multipart("/organismes/" + organisation.getId() + "/personnes/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .with(as(requester)).with(csrf()));
    }

    @Test
    void hrImportsACsvFileAndEveryoneIsInvited() throws Exception {
        String csv = "email;nom;role\n"
                + address("anne") + ";Anne Martin;Salarié\n"
                + address("BRUNO") + ";Bruno Petit;manager\n"
                + address("chloe") + ";=1+1;EMPLOYEE\n";
        upload(hrOfA, orgA, "personnes.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(redirectedUrl("/organismes/" + orgA.getId() + "/personnes"))
                .andExpect(flash().attribute("success", "3 personnes importées : chacune a reçu une invitation par e-mail."));

        transactions.executeWithoutResult(status -> {
            UserAccount anne = users.findByEmail(address("anne")).orElseThrow();
            assertThat(anne.getDisplayName()).isEqualTo("Anne Martin");
            assertThat(anne.getPasswordHash()).isNull();
            assertThat(anne.heldGrants()).containsExactly(new GrantPolicy.Held(Role.EMPLOYEE, orgA.getId()));
            assertThat(users.findByEmail(address("bruno")).orElseThrow().heldGrants())
                    .containsExactly(new GrantPolicy.Held(Role.MANAGER, orgA.getId()));
            // A cell that looks like a formula is kept as written.
            assertThat(users.findByEmail(address("chloe")).orElseThrow().getDisplayName()).isEqualTo("=1+1");
        });
        for (String name : List.of("anne", "bruno", "chloe")) {
            List<MimeMessage> received = TestMailServer.awaitMessagesTo(address(name), 1);
            assertThat(received).as(name).hasSize(1);
            mvc.perform(get(TestMailServer.linkPath(received.get(0), "/invitation/")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(address(name))));
        }
    }

    @Test
    void theBranchAdministratorImportsAWorkbook() throws Exception {
        byte[] workbook = TestWorkbooks.xlsx(new String[][] {
                {"email", "nom", "role"},
                {address("rh2"), "Nouvelle RH", "RH d'organisme"},
                {address("dan"), "Dan Roux", "Salarié"}});
        upload(ADMIN, orgB, "personnes.xlsx", workbook)
                .andExpect(flash().attribute("success", containsString("2 personnes importées")));
        transactions.executeWithoutResult(status -> assertThat(users.findByEmail(address("rh2")).orElseThrow()
                .heldGrants()).containsExactly(new GrantPolicy.Held(Role.ORG_HR, orgB.getId())));
        assertThat(TestMailServer.awaitMessagesTo(address("dan"), 1)).hasSize(1);
    }

    @Test
    void oneWrongLineAndNobodyIsCreatedWithAReportNamingIt() throws Exception {
        String csv = "email;nom;role\n"
                + address("eve") + ";Ève Blanc;Salarié\n"
                + address("fred") + ";Fred Noir;RH d'organisme\n"
                + address("gil") + ";Gil Vert;Salarié\n";
        String page = upload(hrOfA, orgA, "personnes.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        Document html = Jsoup.parse(page);
        assertThat(html.select("#rapport").text()).contains("aucune personne n'a été créée");
        assertThat(html.select("section[aria-labelledby=rapport] tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.child(0).text()).isEqualTo("3");
            assertThat(row.child(1).text()).isEqualTo("role");
            assertThat(row.child(2).text()).contains("ne relève pas de votre gestion");
        });
        for (String name : List.of("eve", "fred", "gil")) {
            assertThat(users.existsByEmail(address(name))).as(name).isFalse();
        }
        // The upload is checked whole before anything is sent: no one of the file was mailed.
        upload(hrOfA, orgA, "ok.csv", ("email;nom;role\n" + address("witness") + ";Témoin;Salarié\n")
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().is3xxRedirection());
        assertThat(TestMailServer.awaitMessagesTo(address("witness"), 1)).hasSize(1);
        assertThat(TestMailServer.messagesTo(address("eve"))).isEmpty();
    }

    @Test
    void addressesAlreadyTakenOrRepeatedAreReported() throws Exception {
        String csv = "email,nom,role\n"
                + hrOfA + ",Doublon,Salarié\n"
                + address("hugo") + ",Hugo,Salarié\n"
                + address("HUGO") + ",Hugo bis,Salarié\n";
        String page = upload(hrOfA, orgA, "personnes.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("section[aria-labelledby=rapport] tbody tr"))
                .extracting(row -> row.child(0).text() + " " + row.child(2).text())
                .containsExactly("2 Un compte existe déjà pour l'adresse " + hrOfA + " dans cet organisme.",
                        "4 L'adresse « " + address("hugo") + " » figure déjà ligne 3 du fichier.");
        assertThat(users.existsByEmail(address("hugo"))).isFalse();
    }

    @Test
    void uploadingIntoAnotherOrganisationIsRefused() throws Exception {
        String csv = "email;nom;role\n" + address("intrus") + ";Intrus;Salarié\n";
        upload(hrOfA, orgB, "personnes.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isNotFound());
        assertThat(users.existsByEmail(address("intrus"))).isFalse();
    }

    @Test
    void malformedFilesGetAClearMessage() throws Exception {
        upload(hrOfA, orgA, "personnes.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5})
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("pas un classeur Excel (.xlsx) lisible")));
        upload(hrOfA, orgA, "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0})
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Import refusé, aucune personne n&#39;a été créée")));
        upload(hrOfA, orgA, "personnes.csv", "mail;prenom\nx@a.fr;X\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("En-tête incorrect")));
        upload(hrOfA, orgA, "gros.csv", new byte[1024 * 1024 + 1])
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("taille maximale de 1 Mo")));
        upload(hrOfA, orgA, "vide.csv", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez un fichier")));
    }

    @Test
    void aWorkbookWithAFarRightCellOnTwentyThousandRowsAFormulaOrAnExternalEntityIsRefusedAndNobodyIsCreated()
            throws Exception {
        String[] person = {address("zoe"), "Zoé Lenoir", "Salarié"};
        byte[] farRight = CraftedXlsx.withSheet(xml -> {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"")
                    .append("http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
                    .append("<dimension ref=\"A1:XFD20002\"/><sheetData>")
                    .append(CraftedXlsx.row(1, "email", "nom", "role")).append(CraftedXlsx.row(2, person));
            for (int r = 3; r <= 20_002; r++) {
                xml.append("<row r=\"").append(r).append("\">").append(CraftedXlsx.cell("XFD" + r, "x"))
                        .append("</row>");
            }
            xml.append("</sheetData></worksheet>");
        });
        upload(hrOfA, orgA, "personnes.xlsx", farRight).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("aucune personne n&#39;a été créée")))
                .andExpect(content().string(containsString("plus de 2000 personnes")));
        upload(hrOfA, orgA, "personnes.xlsx", CraftedXlsx.emptyRowsAfter(20_000, new String[] {"email", "nom", "role"},
                person)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("lignes vides comprises")));
        upload(hrOfA, orgA, "personnes.xlsx", TestWorkbooks.xlsx(new String[][] {{"email", "nom", "role"}, person,
                {address("yves"), "=HYPERLINK(\"http://exemple.invalid\")", "Salarié"}}))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ligne 3, colonne B : formule refusée")));
        upload(hrOfA, orgA, "personnes.xlsx", CraftedXlsx.externalEntityInSheet("file:///etc/hostname"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("entité externe")));
        assertThat(users.existsByEmail(address("zoe"))).isFalse();
        assertThat(users.existsByEmail(address("yves"))).isFalse();
    }
}
